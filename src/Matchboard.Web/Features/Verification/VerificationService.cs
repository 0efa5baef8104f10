using System.Security.Claims;
using AutoMapper;
using Matchboard.Domain;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Features.Organizations;
using Matchboard.Web.Infrastructure;
using Matchboard.Web.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Verification;

/// <summary>
/// 市による確認: the city's queue and decisions, and the documents an organization sends for it. Decisions go
/// through <see cref="Organization.DecideVerification"/>; documents through <see cref="OrganizationDocument.Accept"/>.
/// </summary>
public sealed class VerificationService(
    MatchboardDbContext db,
    TimeProvider clock,
    NotificationOutbox outbox,
    IMapper mapper,
    DocumentFolder folder,
    Certifications.CertificationService certifications)
{
    /// <summary>The organization's own page, where a decision's reason and what to do next are shown.</summary>
    public const string OrganizationPage = "/Organizations/Verification";

    /// <summary>Organizations waiting for a decision (also those asked for more information), the longest waiting first.</summary>
    public async Task<IReadOnlyList<VerificationEntryDto>> QueueAsync(CancellationToken ct)
    {
        var waiting = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind != OrganizationKind.CityOffice && !o.IsVerified && !o.IsVerificationDeclined && !o.IsVerificationSuspended)
            .OrderBy(o => o.Id)
            .ToListAsync(ct);
        return await EntriesAsync(waiting, withDecisions: false, ct);
    }

    /// <summary>Declined and suspended organizations: off the queue until staff reconsider or verify them again.</summary>
    public async Task<IReadOnlyList<VerificationEntryDto>> SetAsideAsync(CancellationToken ct)
    {
        var list = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind != OrganizationKind.CityOffice && !o.IsVerified && (o.IsVerificationDeclined || o.IsVerificationSuspended))
            .OrderBy(o => o.Id)
            .ToListAsync(ct);
        return await EntriesAsync(list, withDecisions: false, ct);
    }

    /// <summary>Verified civic groups, by name: staff may suspend one's verification.</summary>
    public async Task<IReadOnlyList<VerificationEntryDto>> VerifiedGroupsAsync(CancellationToken ct)
    {
        var groups = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.CivicGroup && o.IsVerified)
            .OrderBy(o => o.Name)
            .ToListAsync(ct);
        return await EntriesAsync(groups, withDecisions: false, ct);
    }

    /// <summary>One organization as staff review it, with its documents and every decision.</summary>
    public async Task<VerificationEntryDto> EntryAsync(int organizationId, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking()
            .SingleOrDefaultAsync(o => o.Id == organizationId && o.Kind != OrganizationKind.CityOffice, ct)
            ?? throw new ResourceNotFoundException("organization.not-found");
        return (await EntriesAsync([organization], withDecisions: true, ct))[0];
    }

    /// <summary>
    /// Takes a decision made on <see cref="DecideRequest.Version"/>: if another decision came first the version has
    /// moved and this one is refused (409), so two staff never both decide. The organization hears at once.
    /// </summary>
    public async Task<VerificationEntryDto> DecideAsync(int organizationId, DecideRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var organization = await db.Organizations
            .SingleOrDefaultAsync(o => o.Id == organizationId && o.Kind != OrganizationKind.CityOffice, ct)
            ?? throw new ResourceNotFoundException("organization.not-found");
        var errors = new List<FieldError>();
        if (request.Decision is not { } decision || !Enum.IsDefined(decision))
        {
            errors.Add(new FieldError("decision", "required"));
        }

        if (request.Version is null)
        {
            errors.Add(new FieldError("version", "required"));
        }

        DomainException.ThrowIfAny(errors);
        db.Entry(organization).Property(MatchboardDbContext.VersionProperty).OriginalValue = request.Version!.Value;
        var now = clock.GetUtcNow();
        var record = organization.DecideVerification(request.Decision!.Value, request.Reason,
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in user has an id."), now);
        db.VerificationDecisions.Add(record);
        if (record.Outcome == VerificationOutcome.Suspended && organization.IsCivicGroup)
        {
            // A suspended verification is a lapse like a lost mark: its live bids on certification-required tasks
            // are withdrawn with notices, its contracts continue and their associations are told.
            await certifications.LapseAsync(organization, now, outbox, ct);
        }

        outbox.Add(() => new Notification(organization.Id, NotificationType.VerificationDecided, null, organization.Name, now, path: OrganizationPage));
        await outbox.CommitAsync(ct);
        return await EntryAsync(organizationId, ct);
    }

    /// <summary>The caller's organization's own view.</summary>
    public async Task<MyVerificationDto> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.RequiredOrganizationId();
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == me, ct);
        var last = await db.VerificationDecisions.AsNoTracking()
            .Where(d => d.OrganizationId == me)
            .OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id)
            .FirstOrDefaultAsync(ct);
        return new MyVerificationDto
        {
            Status = organization.VerificationStatus,
            LastDecision = last is null ? null : mapper.Map<DecisionDto>(last),
            Documents = await DocumentsOfAsync([me], ct) is var docs && docs.TryGetValue(me, out var mine) ? mine : [],
        };
    }

    /// <summary>
    /// Stores a document for the caller's organization. Its type is read from its first bytes and its size checked
    /// before anything is written; the file and its row are both kept or neither. Sending a document answers a
    /// request for more information: the organization waits in the queue again.
    /// </summary>
    public async Task<DocumentDto> UploadAsync(DocumentKind? kind, string? fileName, long length, Func<Stream> open, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.RequiredOrganizationId();
        if (user.OrganizationKind() == OrganizationKind.CityOffice)
        {
            // The city office is the verifier: it has nothing to send itself.
            throw new ForbiddenAccessException("document.city-office");
        }

        if (kind is null)
        {
            throw new DomainException("document.kind-invalid", DomainErrorKind.RuleViolation);
        }

        var head = new byte[8];
        var read = 0;
        if (length is > 0 and <= OrganizationDocument.MaxBytes)
        {
            await using var peek = open();
            read = await peek.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        }

        var storageName = DocumentFolder.NewName();
        var document = OrganizationDocument.Accept(me, kind.Value, fileName, head.AsSpan(0, read), length, storageName,
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in user has an id."), clock.GetUtcNow());
        var organization = await db.Organizations.SingleAsync(o => o.Id == me, ct);
        organization.ProvideVerificationInformation();
        db.OrganizationDocuments.Add(document);
        await using (var content = open())
        {
            await folder.SaveAsync(storageName, content, ct);
        }

        try
        {
            await outbox.CommitAsync(ct);
        }
        catch
        {
            folder.Delete(storageName);
            throw;
        }

        return mapper.Map<DocumentDto>(document);
    }

    /// <summary>A document's bytes, for its own organization and city staff; to anyone else it does not exist (404).</summary>
    public async Task<(OrganizationDocument Document, Stream Content)> OpenAsync(int documentId, ClaimsPrincipal user, CancellationToken ct)
    {
        var document = await db.OrganizationDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, ct);
        var maySee = document is not null
            && (user.OrganizationId() == document.OrganizationId || user.OrganizationKind() == OrganizationKind.CityOffice);
        if (!maySee)
        {
            throw new ResourceNotFoundException("document.not-found");
        }

        return (document!, folder.OpenRead(document!.StorageName));
    }

    private async Task<IReadOnlyList<VerificationEntryDto>> EntriesAsync(IReadOnlyList<Organization> organizations, bool withDecisions, CancellationToken ct)
    {
        var ids = organizations.Select(o => o.Id).ToList();
        var documents = await DocumentsOfAsync(ids, ct);
        var versions = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, Version = EF.Property<int>(o, MatchboardDbContext.VersionProperty) })
            .ToDictionaryAsync(o => o.Id, o => o.Version, ct);
        var decisions = new Dictionary<int, List<DecisionDto>>();
        if (withDecisions)
        {
            var rows = await db.VerificationDecisions.AsNoTracking()
                .Where(d => ids.Contains(d.OrganizationId))
                .Join(db.Users, d => d.DecidedByUserId, u => u.Id, (d, u) => new { Decision = d, u.Email })
                .ToListAsync(ct);
            decisions = rows
                .OrderBy(r => r.Decision.DecidedAt).ThenBy(r => r.Decision.Id)
                .GroupBy(r => r.Decision.OrganizationId)
                .ToDictionary(g => g.Key, g => g.Select(r => mapper.Map<DecisionDto>(r.Decision) with { DecidedBy = r.Email }).ToList());
        }

        return organizations.Select(o => new VerificationEntryDto
        {
            Organization = mapper.Map<OrganizationDto>(o),
            Status = o.VerificationStatus,
            Version = versions[o.Id],
            Documents = documents.TryGetValue(o.Id, out var docs) ? docs : [],
            Decisions = decisions.TryGetValue(o.Id, out var list) ? list : [],
        }).ToList();
    }

    private async Task<Dictionary<int, IReadOnlyList<DocumentDto>>> DocumentsOfAsync(IReadOnlyList<int> organizationIds, CancellationToken ct)
    {
        var rows = await db.OrganizationDocuments.AsNoTracking()
            .Where(d => organizationIds.Contains(d.OrganizationId))
            .ToListAsync(ct);
        return rows
            .OrderBy(d => d.UploadedAt).ThenBy(d => d.Id)
            .GroupBy(d => d.OrganizationId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DocumentDto>)g.Select(mapper.Map<DocumentDto>).ToList());
    }
}
