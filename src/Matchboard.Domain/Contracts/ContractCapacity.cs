namespace Matchboard.Domain.Contracts;

/// <summary>
/// Which contracts count against a group's stated capacity (<see cref="Organizations.Organization.IsAtCapacity"/>):
/// every one the group is still bound to — awarded and awaiting signatures, active, or delivered and awaiting the
/// association's acceptance. Completed, terminated and withdrawn ones free the place.
/// </summary>
public static class ContractCapacity
{
    public static readonly IReadOnlyList<ContractStatus> Occupying =
        [ContractStatus.PendingSignatures, ContractStatus.Active, ContractStatus.Delivered];

    /// <summary>
    /// The one capacity rule: a group that states a capacity (1 or more; 0 = none stated, as for associations and
    /// supporters) and has as many occupying contracts or more is at capacity.
    /// </summary>
    public static bool IsReached(int activeContracts, int capacity) => capacity > 0 && activeContracts >= capacity;
}
