using Matchboard.Web.Data;

namespace Matchboard.Web.Features.Accounts;

/// <summary>
/// Switching an account off or on, for the team's removal and the city's deactivation alike. The caller saves
/// within its own transaction and then ends the sessions (<see cref="SessionService.EndAllSessionsAsync"/>).
/// </summary>
public sealed class AccountStatus(MatchboardDbContext db, TimeProvider time)
{
    /// <summary>
    /// Marks the tracked user off and records who, when and why. A new security stamp makes every cookie and token
    /// issued before fail on its next request; a new concurrency stamp makes a concurrent change of the user fail.
    /// </summary>
    public void Deactivate(ApplicationUser user, AccountEventKind kind, string? reason, string byUserId)
    {
        var now = time.GetUtcNow();
        user.DeactivatedAt = now;
        user.SecurityStamp = NewStamp();
        user.ConcurrencyStamp = NewStamp();
        db.AccountEvents.Add(new AccountEvent { UserId = user.Id, Kind = kind, Reason = reason, ByUserId = byUserId, At = now });
    }

    public void Reactivate(ApplicationUser user, string byUserId)
    {
        user.DeactivatedAt = null;
        user.ConcurrencyStamp = NewStamp();
        db.AccountEvents.Add(new AccountEvent { UserId = user.Id, Kind = AccountEventKind.Reactivated, ByUserId = byUserId, At = time.GetUtcNow() });
    }

    public void Record(ApplicationUser user, AccountEventKind kind, string byUserId) =>
        db.AccountEvents.Add(new AccountEvent { UserId = user.Id, Kind = kind, ByUserId = byUserId, At = time.GetUtcNow() });

    private static string NewStamp() => Guid.NewGuid().ToString("N").ToUpperInvariant();
}
