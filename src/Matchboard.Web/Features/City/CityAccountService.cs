using System.Security.Claims;
using Matchboard.Domain;
using Matchboard.Domain.Teams;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.City;

/// <summary>
/// City staff look after accounts: find one, switch it off with a reason (a member who left) or on again, and mail a
/// recovery link to a user who lost access. Staff never see or set a password. Each act is recorded (who, when, why).
/// </summary>
public sealed class CityAccountService(
    MatchboardDbContext db,
    UserManager<ApplicationUser> users,
    AccountStatus status,
    SessionService sessions,
    LinkMail mail)
{
    public const int PageSize = 50;

    /// <summary>Accounts whose email, name or organization contains <paramref name="query"/> (all, when empty), switched-off first.</summary>
    public async Task<IReadOnlyList<CityAccountDto>> ListAsync(string? query, CancellationToken ct)
    {
        var q = query?.Trim().ToLowerInvariant();
        var rows = await (from u in db.Users.AsNoTracking()
                          join o in db.Organizations.AsNoTracking() on u.OrganizationId equals o.Id
                          where string.IsNullOrEmpty(q) || u.Email!.ToLower().Contains(q) || u.DisplayName.ToLower().Contains(q) || o.Name.ToLower().Contains(q)
                          orderby u.DeactivatedAt == null, o.Name, u.Email
                          select new { User = u, o.Name, o.Kind })
            .Take(PageSize)
            .ToListAsync(ct);
        var ids = rows.Select(r => r.User.Id).ToList();
        var events = (await (from e in db.AccountEvents.AsNoTracking()
                             join actor in db.Users.AsNoTracking() on e.ByUserId equals actor.Id
                             where ids.Contains(e.UserId)
                             select new { e.UserId, e.Id, Dto = new AccountEventDto(e.Kind, e.Reason, actor.DisplayName, e.At) })
                .ToListAsync(ct))
            .GroupBy(e => e.UserId)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Id).Last().Dto);
        return rows.Select(r => new CityAccountDto(
                r.User.Id, r.User.Email ?? string.Empty, r.User.DisplayName, r.User.OrganizationId, r.Name, r.Kind,
                r.User.IsActive, r.User.EmailConfirmed, r.User.DeactivatedAt, events.GetValueOrDefault(r.User.Id)))
            .ToList();
    }

    public async Task<CityAccountDto> GetAsync(string userId, CancellationToken ct) =>
        (await ListByIdAsync(userId, ct)) ?? throw new ResourceNotFoundException();

    /// <summary>
    /// Switches the account off: it can no longer sign in, and its cookies and tokens stop on their next request.
    /// City staff do not switch off their own account (someone must be able to switch it on again).
    /// </summary>
    public async Task<CityAccountDto> DeactivateAsync(ClaimsPrincipal caller, string userId, string? reason, CancellationToken ct)
    {
        var actorId = users.GetUserId(caller)!;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw new ResourceNotFoundException();
        var why = TeamRules.ValidReason(reason);
        if (user.Id == actorId)
        {
            throw new DomainException("account.self");
        }

        if (!user.IsActive)
        {
            throw new DomainException("account.already-deactivated");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        status.Deactivate(user, AccountEventKind.Deactivated, why, actorId);
        await db.SaveChangesAsync(ct);
        await sessions.EndAllSessionsAsync(user.Id);
        await transaction.CommitAsync(ct);
        return await GetAsync(userId, ct);
    }

    public async Task<CityAccountDto> ReactivateAsync(ClaimsPrincipal caller, string userId, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw new ResourceNotFoundException();
        if (user.IsActive)
        {
            throw new DomainException("account.not-deactivated");
        }

        status.Reactivate(user, users.GetUserId(caller)!);
        await db.SaveChangesAsync(ct);
        return await GetAsync(userId, ct);
    }

    /// <summary>
    /// Mails a recovery link (Identity's password-reset token, to <c>/Accounts/SetPassword</c>) to the account's
    /// confirmed address, and to nowhere else. Setting the password changes the security stamp: the link works once.
    /// </summary>
    public async Task SendRecoveryLinkAsync(ClaimsPrincipal caller, string userId, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw new ResourceNotFoundException();
        if (!user.IsActive)
        {
            throw new DomainException("account.deactivated");
        }

        if (!user.EmailConfirmed || string.IsNullOrEmpty(user.Email))
        {
            throw new DomainException("account.email-unconfirmed", DomainErrorKind.RuleViolation);
        }

        status.Record(user, AccountEventKind.RecoveryLinkSent, users.GetUserId(caller)!);
        await db.SaveChangesAsync(ct);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = mail.Link($"/Accounts/SetPassword?email={Uri.EscapeDataString(user.Email)}&token={Uri.EscapeDataString(token)}");
        await mail.SendAsync(user.Email, "mail.recovery", [user.DisplayName, link], ct);
    }

    private async Task<CityAccountDto?> ListByIdAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return null;
        }

        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == user.OrganizationId, ct);
        var last = await (from e in db.AccountEvents.AsNoTracking()
                          join actor in db.Users.AsNoTracking() on e.ByUserId equals actor.Id
                          where e.UserId == userId
                          orderby e.Id descending
                          select new AccountEventDto(e.Kind, e.Reason, actor.DisplayName, e.At))
            .FirstOrDefaultAsync(ct);
        return new CityAccountDto(user.Id, user.Email ?? string.Empty, user.DisplayName, user.OrganizationId, organization.Name, organization.Kind,
            user.IsActive, user.EmailConfirmed, user.DeactivatedAt, last);
    }
}
