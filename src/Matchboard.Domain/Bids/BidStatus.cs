namespace Matchboard.Domain.Bids;

public enum BidStatus
{
    Submitted,
    Revised,
    Withdrawn,
    Accepted,
    Rejected,
}
