using System.Security.Claims;
using Matchboard.Domain;
using Matchboard.Domain.Bids;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Certifications;

/// <summary>
/// City staff's decisions about a group's certification mark, and what a lapse does. Each decision goes through the
/// organization's own guarded transition and commits with its notifications in one transaction; two staff deciding
/// at once read the same organization version and the second save fails (409).
/// </summary>
public sealed class CertificationService(MatchboardDbContext db, TimeProvider clock, NotificationOutbox outbox)
{
    public async Task<CertificationStatusDto> GetAsync(int organizationId, CancellationToken ct) =>
        ToDto(await LoadGroupAsync(organizationId, tracking: false, ct));

    /// <summary>Grants a new mark, or renews the one that still counts (see <see cref="CertificationGrantRequest"/>).</summary>
    public async Task<CertificationStatusDto> GrantOrRenewAsync(int organizationId, CertificationGrantRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var group = await LoadGroupAsync(organizationId, tracking: true, ct);
        EnsureVersion(group, request.Version);
        var now = clock.GetUtcNow();
        var type = ApplyGrant(group, request, DecidedBy(user), now);
        outbox.Add(() => new Notification(group.Id, type, taskId: null, group.Name, now, path: CertificationNotices.ProfilePath));
        await outbox.CommitAsync(ct);
        return await GetAsync(organizationId, ct);
    }

    /// <summary>
    /// What a grant or renewal would refuse, without deciding: the confirmation step runs the same domain transition on
    /// a copy that is not tracked, so it shows every error before anyone confirms, and nothing is saved.
    /// </summary>
    public async Task CheckGrantAsync(int organizationId, CertificationGrantRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        ApplyGrant(await LoadGroupAsync(organizationId, tracking: false, ct), request, DecidedBy(user), clock.GetUtcNow());

    public async Task CheckSuspendAsync(int organizationId, CertificationReasonRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        (await LoadGroupAsync(organizationId, tracking: false, ct)).SuspendCertification(request.Reason, DecidedBy(user), clock.GetUtcNow());

    public async Task CheckRevokeAsync(int organizationId, CertificationReasonRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        (await LoadGroupAsync(organizationId, tracking: false, ct)).RevokeCertification(request.Reason, DecidedBy(user), clock.GetUtcNow());

    /// <summary>A mark that still counts is renewed; otherwise a new one is granted (a suspension ends with it).</summary>
    private static NotificationType ApplyGrant(Organization group, CertificationGrantRequest request, string decidedBy, DateTimeOffset now)
    {
        if (request.ValidTo is null)
        {
            DomainException.ThrowIfAny([new FieldError("validTo", "required")]);
        }

        var renewing = group.Certification is { } mark && !mark.IsSuspended && !mark.IsRevoked
            && mark.StateOn(JapanTime.DateOf(now)) is not CertificationState.Expired;
        if (renewing)
        {
            group.RenewCertification(request.Number, request.ValidTo!.Value, request.Note, decidedBy, now);
            return NotificationType.CertificationRenewed;
        }

        if (request.ValidFrom is null)
        {
            DomainException.ThrowIfAny([new FieldError("validFrom", "required")]);
        }

        group.GrantCertification(request.Number, request.ValidFrom!.Value, request.ValidTo!.Value, request.Note, decidedBy, now);
        return NotificationType.CertificationGranted;
    }

    public Task<CertificationStatusDto> SuspendAsync(int organizationId, CertificationReasonRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        DecideLapseAsync(organizationId, request.Version, NotificationType.CertificationSuspended,
            (group, now) => group.SuspendCertification(request.Reason, DecidedBy(user), now), ct);

    public Task<CertificationStatusDto> RevokeAsync(int organizationId, CertificationReasonRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        DecideLapseAsync(organizationId, request.Version, NotificationType.CertificationRevoked,
            (group, now) => group.RevokeCertification(request.Reason, DecidedBy(user), now), ct);

    /// <summary>
    /// What a lapse does, for a group already changed in this context (its mark expired, suspended or revoked, or its
    /// verification suspended): its live bids on tasks requiring certification that it no longer qualifies for are
    /// withdrawn, with a notice to the group and the association; ongoing contracts continue and their associations
    /// are told. Queues the notifications on <paramref name="notices"/>; the caller commits.
    /// </summary>
    public async Task LapseAsync(Organization group, DateTimeOffset now, NotificationOutbox notices, CancellationToken ct)
    {
        var tasks = await db.Tasks.Include(t => t.Bids)
            .Where(t => t.CertificationRequired && t.Bids.Any(b => b.GroupId == group.Id && BidStatuses.Live.Contains(b.Status)))
            .ToListAsync(ct);
        var withdrawn = tasks.Select(t => (Task: t, Bid: t.WithdrawBidOnLapse(group, now))).Where(x => x.Bid is not null).ToList();
        var contracts = await db.Contracts.AsNoTracking().Include(c => c.Task)
            .Where(c => c.ProviderId == group.Id
                && (c.Status == ContractStatus.PendingSignatures || c.Status == ContractStatus.Active || c.Status == ContractStatus.Delivered))
            .ToListAsync(ct);
        notices.Add(() => withdrawn.SelectMany(x => new[] { group.Id, x.Task.AssociationId }.Select(party =>
            new Notification(party, NotificationType.BidWithdrawnCertificationLapsed, x.Task.Id, x.Task.Title, now, x.Bid!.Id))));
        notices.Add(() => contracts.Select(c =>
            new Notification(c.AssociationId, NotificationType.ProviderCertificationLapsed, c.TaskId, c.Task!.Title, now, c.BidId, c.Id)));
    }

    private async Task<CertificationStatusDto> DecideLapseAsync(
        int organizationId, int? version, NotificationType type, Action<Organization, DateTimeOffset> decide, CancellationToken ct)
    {
        var group = await LoadGroupAsync(organizationId, tracking: true, ct);
        EnsureVersion(group, version);
        var now = clock.GetUtcNow();
        decide(group, now);
        outbox.Add(() => new Notification(group.Id, type, taskId: null, group.Name, now, path: CertificationNotices.ProfilePath));
        await LapseAsync(group, now, outbox, ct);
        await outbox.CommitAsync(ct);
        return await GetAsync(organizationId, ct);
    }

    private async Task<Organization> LoadGroupAsync(int organizationId, bool tracking, CancellationToken ct)
    {
        var query = tracking ? db.Organizations : db.Organizations.AsNoTracking();
        return await query.SingleOrDefaultAsync(o => o.Id == organizationId && o.Kind == OrganizationKind.CivicGroup, ct)
            ?? throw new ResourceNotFoundException("organization.not-found");
    }

    /// <summary>A decision confirmed on an older view of the mark is refused like a concurrent one.</summary>
    private void EnsureVersion(Organization group, int? expected)
    {
        if (expected is { } v && v != VersionOf(group))
        {
            throw new DbUpdateConcurrencyException("The certification changed since it was shown.");
        }
    }

    private int VersionOf(Organization group) =>
        db.Entry(group).State == EntityState.Detached ? 0 : (int)db.Entry(group).Property(MatchboardDbContext.VersionProperty).CurrentValue!;

    private static string DecidedBy(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "?";

    private CertificationStatusDto ToDto(Organization group)
    {
        var mark = group.Certification;
        var version = db.Organizations.Where(o => o.Id == group.Id)
            .Select(o => EF.Property<int>(o, MatchboardDbContext.VersionProperty)).Single();
        return new CertificationStatusDto
        {
            OrganizationId = group.Id,
            OrganizationName = group.Name,
            State = group.CertificationStateOn(JapanTime.DateOf(clock.GetUtcNow())),
            Number = mark?.Number,
            ValidFrom = mark?.Issued,
            ValidTo = mark?.Expires,
            Note = mark?.Note,
            SuspensionReason = mark?.SuspensionReason,
            RevocationReason = mark?.RevocationReason,
            Version = version,
            History = group.CertificationHistory.OrderBy(d => d.DecidedAt).ThenBy(d => d.Id).Select(d => new CertificationDecisionDto
            {
                Kind = d.Kind,
                Number = d.Number,
                ValidFrom = d.ValidFrom,
                ValidTo = d.ValidTo,
                Reason = d.Reason,
                DecidedBy = d.DecidedBy,
                DecidedAt = d.DecidedAt,
            }).ToList(),
        };
    }
}

/// <summary>Certification notices are about the group, not a task.</summary>
public static class CertificationNotices
{
    /// <summary>A notice about the group's own mark is about no task: it links to the group's profile.</summary>
    public const string ProfilePath = "/Organizations/Profile";
}
