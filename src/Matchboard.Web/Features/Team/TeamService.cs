using System.Net.Mail;
using System.Security.Claims;
using Matchboard.Domain;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Teams;
using Matchboard.Web.Data;
using Matchboard.Web.Data.Configurations;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Team;

/// <summary>
/// An organization's team: its members, invitations by email, and removal by the first member. Every call acts on
/// the caller's own organization, so nobody can invite into or remove from another one (another's invitation or
/// member is not found: 404).
/// </summary>
public sealed class TeamService(
    MatchboardDbContext db,
    UserManager<ApplicationUser> users,
    AccountStatus status,
    SessionService sessions,
    LinkMail mail,
    TimeProvider time)
{
    /// <summary>The kinds of organization whose members invite more members (a one-person organization has no team).</summary>
    public static bool MayInvite(OrganizationKind kind) =>
        kind is OrganizationKind.Association or OrganizationKind.CivicGroup or OrganizationKind.CityOffice;

    public async Task<TeamDto> GetAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        var organizationId = caller.RequiredOrganizationId();
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organizationId, ct);
        var members = await db.Users.AsNoTracking()
            .Where(u => u.OrganizationId == organizationId && u.DeactivatedAt == null)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.JoinedAt })
            .ToListAsync(ct);
        var first = TeamRules.FirstMember(members.Select(m => new TeamMember(m.Id, m.JoinedAt, true)));
        var now = time.GetUtcNow();
        var invitations = (await db.Invitations.AsNoTracking()
                .Where(i => i.OrganizationId == organizationId && i.AcceptedAt == null && i.RevokedAt == null)
                .ToListAsync(ct))
            .Where(i => i.StateAt(now) == InvitationState.Pending)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new InvitationDto(i.Id, i.Email, i.CreatedAt, i.ExpiresAt))
            .ToList();
        return new TeamDto(
            organization.Id,
            organization.Name,
            first?.UserId == users.GetUserId(caller),
            MayInvite(organization.Kind),
            members
                .OrderBy(m => m.Id == first?.UserId ? 0 : 1).ThenBy(m => m.JoinedAt).ThenBy(m => m.DisplayName, StringComparer.Ordinal)
                .Select(m => new TeamMemberDto(m.Id, m.DisplayName, m.Email ?? string.Empty, m.JoinedAt, m.Id == first?.UserId))
                .ToList(),
            invitations);
    }

    /// <summary>
    /// Invites an address into the caller's organization and mails it a link that works once for seven days. An
    /// address that already has an account is told so (409): one person, one account.
    /// </summary>
    public async Task<InvitationDto> InviteAsync(ClaimsPrincipal caller, string? email, CancellationToken ct)
    {
        var organizationId = caller.RequiredOrganizationId();
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organizationId, ct);
        if (!MayInvite(organization.Kind))
        {
            throw new ForbiddenAccessException("team.cannot-invite");
        }

        var address = ValidEmail(email);
        if (await users.FindByEmailAsync(address) is not null)
        {
            throw new DomainException("invitation.account-exists");
        }

        var now = time.GetUtcNow();
        var lowered = address.ToLowerInvariant();
        var open = await db.Invitations.AsNoTracking()
            .Where(i => i.OrganizationId == organizationId && i.Email.ToLower() == lowered && i.AcceptedAt == null && i.RevokedAt == null)
            .ToListAsync(ct);
        if (open.Any(i => i.StateAt(now) == InvitationState.Pending))
        {
            throw new DomainException("invitation.pending");
        }

        var inviterId = users.GetUserId(caller) ?? throw new ResourceNotFoundException();
        var token = InvitationTokens.NewToken();
        var invitation = Invitation.Create(organizationId, address, InvitationTokens.Hash(token), inviterId, now);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);

        var inviter = caller.FindFirstValue(OrganizationClaims.DisplayName) ?? string.Empty;
        await mail.SendAsync(address, "mail.invitation",
            [organization.Name, inviter, mail.Link($"/Team/Join?token={Uri.EscapeDataString(token)}"), (int)Invitation.Lifetime.TotalDays], ct);
        return new InvitationDto(invitation.Id, invitation.Email, invitation.CreatedAt, invitation.ExpiresAt);
    }

    public async Task RevokeAsync(ClaimsPrincipal caller, int invitationId, CancellationToken ct)
    {
        var organizationId = caller.RequiredOrganizationId();
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.OrganizationId == organizationId, ct)
            ?? throw new ResourceNotFoundException();
        invitation.Revoke(users.GetUserId(caller)!, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The first member removes a member: the account is switched off (it belongs to this organization only) and its
    /// sessions end. The team's version steps with it, so of two removals at once that would leave nobody, the second
    /// runs again on fresh rows and is refused by the last-member rule.
    /// </summary>
    public async Task RemoveAsync(ClaimsPrincipal caller, string userId, CancellationToken ct)
    {
        var organizationId = caller.RequiredOrganizationId();
        var actorId = users.GetUserId(caller) ?? throw new ResourceNotFoundException();
        await db.RetryOnConflictAsync(async () =>
        {
            var target = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.OrganizationId == organizationId, ct)
                ?? throw new ResourceNotFoundException();
            var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId, ct);
            var members = await db.Users.AsNoTracking().Where(u => u.OrganizationId == organizationId)
                .Select(u => new TeamMember(u.Id, u.JoinedAt, u.DeactivatedAt == null))
                .ToListAsync(ct);
            TeamRules.EnsureMayRemove(members, actorId, target.Id);

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            status.Deactivate(target, AccountEventKind.RemovedFromTeam, null, actorId);
            var version = db.Entry(organization).Property<int>(OrganizationConfiguration.TeamVersionProperty);
            version.CurrentValue = version.OriginalValue + 1;
            await db.SaveChangesAsync(ct);
            await sessions.EndAllSessionsAsync(target.Id);
            await transaction.CommitAsync(ct);
        });
    }

    /// <summary>What the join page shows, or null for a link that does not work (unknown, used, revoked or expired).</summary>
    public async Task<InvitationPreview?> PreviewAsync(string? token, CancellationToken ct)
    {
        var invitation = await FindAsync(token, ct);
        if (invitation is null || invitation.StateAt(time.GetUtcNow()) != InvitationState.Pending)
        {
            return null;
        }

        var name = await db.Organizations.Where(o => o.Id == invitation.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        return new InvitationPreview(invitation.Email, name);
    }

    /// <summary>
    /// The invited person sets their name and password and joins the inviting organization. The link proves the
    /// address, so it is confirmed. One save makes the account and marks the invitation used, under the invitation's
    /// version: of two acceptances at once, one makes the account and the other gets a 409.
    /// </summary>
    public async Task<ApplicationUser> AcceptAsync(string? token, string? displayName, string? password, CancellationToken ct)
    {
        var invitation = await FindAsync(token, ct) ?? throw new ResourceNotFoundException("invitation.not-found");
        var now = time.GetUtcNow();
        invitation.EnsurePending(now);
        var name = TeamRules.ValidDisplayName(displayName);
        if (await users.FindByEmailAsync(invitation.Email) is not null)
        {
            throw new DomainException("invitation.account-exists");
        }

        var user = new ApplicationUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = name,
            OrganizationId = invitation.OrganizationId,
            JoinedAt = now,
        };
        invitation.Accept(user.Id, now);
        var created = await users.CreateAsync(user, password ?? string.Empty);
        if (!created.Succeeded)
        {
            if (created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
            {
                throw new DomainException("invitation.account-exists");
            }

            DomainException.ThrowIfAny([new FieldError("password", "weak-password")]);
        }

        return user;
    }

    public Task<string> OrganizationNameAsync(int organizationId, CancellationToken ct) =>
        db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).SingleAsync(ct);

    private async Task<Invitation?> FindAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = InvitationTokens.Hash(token);
        return await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
    }

    private static string ValidEmail(string? email)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            DomainException.ThrowIfAny([new FieldError("email", "required")]);
        }

        // Plain ASCII only: an address with invisible or look-alike characters would reach nobody, or the wrong person.
        if (trimmed!.Length > Invitation.EmailMaxLength || !trimmed.All(c => c is > ' ' and <= '~')
            || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed)
        {
            DomainException.ThrowIfAny([new FieldError("email", "invalid-email")]);
        }

        return trimmed;
    }
}
