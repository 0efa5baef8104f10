namespace Matchboard.Web.Features.Accounts;

public enum AccountEventKind
{
    /// <summary>City staff switched the account off (with a reason).</summary>
    Deactivated,

    /// <summary>City staff switched it back on.</summary>
    Reactivated,

    /// <summary>The team's first member removed the person from the organization.</summary>
    RemovedFromTeam,

    /// <summary>City staff mailed a recovery (password reset) link to the account's confirmed address.</summary>
    RecoveryLinkSent,
}

/// <summary>A record of something done to an account by someone else: what, why, who, when. Never changed or removed.</summary>
public sealed class AccountEvent
{
    public int Id { get; init; }

    public required string UserId { get; init; }

    public AccountEventKind Kind { get; init; }

    public string? Reason { get; init; }

    public required string ByUserId { get; init; }

    public DateTimeOffset At { get; init; }
}
