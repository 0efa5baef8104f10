namespace Matchboard.Domain.Contracts;

public enum ContractStatus
{
    PendingSignatures,
    Active,

    /// <summary>The provider reported the work done; the association accepts it or asks for changes.</summary>
    Delivered,
    Completed,
    Terminated,

    /// <summary>The provider did not sign by <see cref="Contract.SignBy"/> and the association took the award back.</summary>
    AwardWithdrawn,
}
