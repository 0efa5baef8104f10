namespace Matchboard.Domain.Tasks;

public enum CommunityTaskStatus
{
    Draft,
    Open,

    /// <summary>The bid deadline has passed and bids wait for the association's decision.</summary>
    Closed,
    Awarded,
    Cancelled,

    /// <summary>Closed with no award (for instance, nobody bid).</summary>
    Unawarded,
}
