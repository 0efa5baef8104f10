namespace Matchboard.Domain.Bids;

public enum BidStatus
{
    Submitted,
    Revised,
    Withdrawn,
    Accepted,
    Rejected,

    /// <summary>Won, but the association withdrew the award when the group did not sign in time; it cannot win this task again.</summary>
    AwardWithdrawn,
}
