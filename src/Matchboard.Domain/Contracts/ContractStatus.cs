namespace Matchboard.Domain.Contracts;

public enum ContractStatus
{
    PendingSignatures,
    Active,
    Completed,
    Terminated,
}
