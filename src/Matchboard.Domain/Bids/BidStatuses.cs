namespace Matchboard.Domain.Bids;

/// <summary>
/// What a bid's status means to the rules, defined once for the entity, the pages' DTOs, database queries
/// and the database's own one-live-bid index.
/// </summary>
public static class BidStatuses
{
    /// <summary>Live bids, as a set for queries (<c>Contains</c> becomes <c>IN</c>) and the index filter.</summary>
    public static IReadOnlyList<BidStatus> Live { get; } = Enum.GetValues<BidStatus>().Where(IsLive).ToArray();

    /// <summary>Received bids, as a set for queries.</summary>
    public static IReadOnlyList<BidStatus> Received { get; } = Enum.GetValues<BidStatus>().Where(IsReceived).ToArray();

    /// <summary>Still in the running: neither withdrawn nor decided.</summary>
    public static bool IsLive(BidStatus status) => status is BidStatus.Submitted or BidStatus.Revised;

    /// <summary>
    /// Counted as received by the association ("N proposals received"): every bid but a withdrawn one, so
    /// accepted and rejected bids still count. Not the same as live.
    /// </summary>
    public static bool IsReceived(BidStatus status) => status != BidStatus.Withdrawn;
}
