using Matchboard.Domain;
using Matchboard.Domain.Bids;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Awards;

/// <summary>
/// The public award register: every task whose bids are public by <see cref="BidDisclosure.Public"/> (awarded,
/// closed unawarded, cancelled after its deadline), newest decision first, with every bid but the withdrawn ones
/// (counted only) by name and amount. Never a proposal, never anything about a task whose bids are still sealed.
/// </summary>
public sealed class AwardRegisterService(MatchboardDbContext db)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Far beyond any real register; keeps the offset from overflowing on a hostile page number.</summary>
    public const int MaxPage = 10_000;

    /// <summary>How many tasks the CSV download reads at a time.</summary>
    private const int CsvBatch = 200;

    public async Task<PagedResult<AwardRegisterEntryDto>> ListAsync(AwardRegisterQuery query, CancellationToken ct)
    {
        DomainException.ThrowIfAny(Validate(query));
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? DefaultPageSize;
        var tasks = Filtered(query);
        var total = await tasks.CountAsync(ct);
        var items = await EntriesAsync(tasks, (page - 1) * pageSize, pageSize, ct);
        return new PagedResult<AwardRegisterEntryDto>(items, total, page, pageSize);
    }

    /// <summary>The whole register under the filters (paging ignored), read in batches: the CSV download.</summary>
    public async IAsyncEnumerable<AwardRegisterEntryDto> AllAsync(
        AwardRegisterQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        DomainException.ThrowIfAny(Validate(query with { Page = null, PageSize = null }));
        var tasks = Filtered(query);
        for (var skip = 0; ; skip += CsvBatch)
        {
            var batch = await EntriesAsync(tasks, skip, CsvBatch, ct);
            foreach (var entry in batch)
            {
                yield return entry;
            }

            if (batch.Count < CsvBatch)
            {
                yield break;
            }
        }
    }

    /// <summary>The associations and groups the register names, for the page's filters: no one it does not already show.</summary>
    public async Task<(IReadOnlyList<RegisterPartyDto> Associations, IReadOnlyList<RegisterPartyDto> Groups)> PartiesAsync(CancellationToken ct)
    {
        var decided = db.Tasks.AsNoTracking().Where(BidDisclosure.Public);
        var associations = await decided
            .Select(t => new { t.AssociationId, t.Association!.Name })
            .Distinct()
            .ToListAsync(ct);
        var groups = await decided
            .SelectMany(t => t.Bids)
            .Where(b => BidStatuses.Received.Contains(b.Status))
            .Select(b => new { b.GroupId, b.Group!.Name })
            .Distinct()
            .ToListAsync(ct);
        return (
            associations.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => new RegisterPartyDto(a.AssociationId, a.Name)).ToList(),
            groups.OrderBy(g => g.Name, StringComparer.Ordinal).Select(g => new RegisterPartyDto(g.GroupId, g.Name)).ToList());
    }

    private IQueryable<CommunityTask> Filtered(AwardRegisterQuery query)
    {
        var tasks = db.Tasks.AsNoTracking().Where(BidDisclosure.Public);
        if (query.Ward is { } ward)
        {
            tasks = tasks.Where(t => t.Ward == ward);
        }

        if (query.Category is { } category)
        {
            tasks = tasks.Where(t => t.Category == category);
        }

        if (query.Association is { } association)
        {
            tasks = tasks.Where(t => t.AssociationId == association);
        }

        if (query.Group is { } group)
        {
            // Only a bid the register shows: matching on one withdrawn unseen would name its group.
            tasks = tasks.Where(BidDisclosure.NamesBidOf(group));
        }

        if (query.From is { } from)
        {
            var start = JapanTime.At(from.ToDateTime(TimeOnly.MinValue));
            tasks = tasks.Where(t => t.BidsRevealedAt >= start);
        }

        if (query.To is { } to)
        {
            var end = JapanTime.At(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            tasks = tasks.Where(t => t.BidsRevealedAt < end);
        }

        return tasks;
    }

    private async Task<List<AwardRegisterEntryDto>> EntriesAsync(IQueryable<CommunityTask> tasks, int skip, int take, CancellationToken ct)
    {
        var rows = await tasks
            .OrderByDescending(t => t.BidsRevealedAt).ThenByDescending(t => t.Id)
            .Skip(skip)
            .Take(take)
            .Select(t => new
            {
                t.Id,
                t.Title,
                t.Category,
                t.Ward,
                t.AssociationId,
                AssociationName = t.Association!.Name,
                t.Status,
                t.IsVolunteer,
                t.FeeYen,
                t.AwardedBidId,
                t.AwardRationale,
                t.PublishedAt,
                t.BidDeadline,
                t.AwardedAt,
                t.CancelledAt,
                t.BidsRevealedAt,
                t.BidsOpenedAt,
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        // Only what the register may show: the group, the amount and the status; the proposal is never read.
        var bids = (await db.Bids.AsNoTracking()
                .Where(b => ids.Contains(b.TaskId))
                .Select(b => new { b.Id, b.TaskId, b.GroupId, GroupName = b.Group!.Name, b.AmountYen, b.Status, b.UpdatedAt })
                .ToListAsync(ct))
            .ToLookup(b => b.TaskId);

        return rows.Select(r =>
        {
            var all = bids[r.Id].ToList();
            var won = r.Status == CommunityTaskStatus.Awarded ? all.SingleOrDefault(b => b.Id == r.AwardedBidId) : null;
            return new AwardRegisterEntryDto
            {
                TaskId = r.Id,
                Title = r.Title,
                Category = r.Category,
                Ward = r.Ward,
                Association = new RegisterPartyDto(r.AssociationId, r.AssociationName),
                Status = r.Status,
                IsVolunteer = r.IsVolunteer,
                FeeYen = r.FeeYen,
                Winner = won is null ? null : new RegisterPartyDto(won.GroupId, won.GroupName),
                AwardedAmountYen = won?.AmountYen,
                Rationale = won is null ? null : r.AwardRationale,
                BidCount = all.Count,
                WithdrawnBidCount = all.Count(b => !BidStatuses.IsReceived(b.Status)),
                PostedAt = r.PublishedAt,
                BidDeadline = r.BidDeadline,
                AwardedAt = won is null ? null : r.AwardedAt,
                CancelledAt = r.CancelledAt,
                DecidedAt = r.BidsRevealedAt!.Value,
                Bids = all
                    .Where(b => BidDisclosure.IsNamedInPublic(b.Status, b.UpdatedAt, r.BidsOpenedAt))
                    .OrderBy(b => b.AmountYen).ThenBy(b => b.GroupName, StringComparer.Ordinal)
                    .Select(b => new RevealedBidDto(b.GroupId, b.GroupName, b.AmountYen, b.Id == won?.Id))
                    .ToList(),
            };
        }).ToList();
    }

    private static List<FieldError> Validate(AwardRegisterQuery query)
    {
        var errors = new List<FieldError>();
        if (query.Ward is not null && !Wards.IsKnown(query.Ward))
        {
            errors.Add(new FieldError("ward", "unknown-ward"));
        }

        if (query.Category is not null && !Categories.IsKnown(query.Category))
        {
            errors.Add(new FieldError("category", "unknown-category"));
        }

        if (query.Association is < 1)
        {
            errors.Add(new FieldError("association", "out-of-range"));
        }

        if (query.Group is < 1)
        {
            errors.Add(new FieldError("group", "out-of-range"));
        }

        if (query.From is { } from && !DateBounds.Contains(from))
        {
            errors.Add(new FieldError("from", "out-of-range"));
        }

        if (query.To is { } to && !DateBounds.Contains(to))
        {
            errors.Add(new FieldError("to", "out-of-range"));
        }
        else if (query is { From: { } start, To: { } end } && end < start)
        {
            errors.Add(new FieldError("to", "before-start"));
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
