using Matchboard.Domain;
using Matchboard.Web.Data;
using Matchboard.Web.Data.Audit;
using Matchboard.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Audit;

/// <summary>Reads of the sealed audit log: the public head and past hashes, the city's filtered list, verification.</summary>
public sealed class AuditService(MatchboardDbContext db)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxPage = 100_000;

    /// <summary>The latest sealed entry, or null while nothing is sealed yet.</summary>
    public Task<AuditHeadDto?> HeadAsync(CancellationToken ct) =>
        db.AuditSeals.AsNoTracking().OrderByDescending(s => s.Sequence)
            .Select(s => new AuditHeadDto(s.Sequence, s.Hash)).FirstOrDefaultAsync(ct);

    public async Task<AuditHeadDto> AtAsync(long sequence, CancellationToken ct) =>
        await db.AuditSeals.AsNoTracking().Where(s => s.Sequence == sequence)
            .Select(s => new AuditHeadDto(s.Sequence, s.Hash)).FirstOrDefaultAsync(ct)
        ?? throw new Infrastructure.ResourceNotFoundException();

    public async Task<PagedResult<AuditEntryDto>> ListAsync(AuditQuery query, CancellationToken ct)
    {
        DomainException.ThrowIfAny(Validate(query));
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? DefaultPageSize;
        var rows = db.AuditSeals.AsNoTracking()
            .Join(db.AuditEntries.AsNoTracking(), s => s.EntryId, e => e.Id, (s, e) => new { Seal = s, Entry = e });
        if (query.Action is { } action)
        {
            rows = rows.Where(r => r.Entry.Action == action);
        }

        if (query.OrganizationId is { } organization)
        {
            rows = rows.Where(r => r.Entry.OrganizationId == organization);
        }

        if (query.From is { } from)
        {
            var start = JapanTime.At(from.ToDateTime(TimeOnly.MinValue));
            rows = rows.Where(r => r.Entry.OccurredAt >= start);
        }

        if (query.To is { } to)
        {
            var end = JapanTime.At(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            rows = rows.Where(r => r.Entry.OccurredAt < end);
        }

        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(r => r.Seal.Sequence)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new AuditEntryDto(r.Seal.Sequence, r.Seal.Hash, r.Entry.OccurredAt, r.Entry.Actor, r.Entry.OrganizationId,
                r.Entry.Action, r.Entry.EntityType, r.Entry.EntityId, r.Entry.Summary))
            .ToListAsync(ct);
        return new PagedResult<AuditEntryDto>(items, total, page, pageSize);
    }

    public async Task<AuditVerificationDto> VerifyAsync(CancellationToken ct)
    {
        var result = await AuditVerifier.VerifyAsync(db, ct);
        return new AuditVerificationDto(result.Holds, result.Sequence, result.Hash, result.Problem);
    }

    private static List<FieldError> Validate(AuditQuery query)
    {
        var errors = new List<FieldError>();
        if (query.Action is not null && !AuditDescribers.Actions.Contains(query.Action))
        {
            errors.Add(new FieldError("action", "out-of-range"));
        }

        if (query.From is { } from && query.To is { } to && to < from)
        {
            errors.Add(new FieldError("to", "out-of-range"));
        }

        if (query.Page is < 1 or > MaxPage)
        {
            errors.Add(new FieldError("page", "out-of-range"));
        }

        if (query.PageSize is < 1 or > MaxPageSize)
        {
            errors.Add(new FieldError("pageSize", "out-of-range"));
        }

        return errors;
    }
}
