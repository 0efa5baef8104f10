using Matchboard.Domain;
using Matchboard.Web.Data;
using Matchboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matchboard.Web.Features.OpenData;

public sealed record OcdsReleasesQuery(DateTimeOffset? Since, int? Page);

/// <summary>
/// The open data (OCDS 1.1 release packages): every published task's releases, derived on each read from what is
/// stored (<see cref="OcdsReleaseBuilder"/>). Drafts are never published; neither is anything personal.
/// </summary>
public sealed class OcdsService(MatchboardDbContext db, TimeProvider clock, IOptions<OcdsOptions> options)
{
    /// <summary>The bids extension whose fields the releases use (statistics and bid details), at the version validated against.</summary>
    public const string BidExtension = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json";

    /// <summary>Far beyond any real list; keeps the offset from overflowing on a hostile page number.</summary>
    public const int MaxPage = 10_000;

    public async Task<OcdsPackage> ReleasesAsync(OcdsReleasesQuery query, Uri requestUri, CancellationToken ct)
    {
        var page = query.Page ?? 1;
        var pageSize = Math.Clamp(options.Value.PageSize, 1, 1000);
        if (page is < 1 or > MaxPage)
        {
            DomainException.ThrowIfAny([new FieldError("page", "out-of-range")]);
        }

        var tasks = db.Tasks.AsNoTracking().Where(t => t.PublishedAt != null);
        if (query.Since is { } since)
        {
            // Only tasks with something dated at or after `since`: the releases are filtered exactly below.
            tasks = tasks.Where(t => t.PublishedAt >= since || t.CancelledAt >= since || t.BidsRevealedAt >= since
                || db.TaskChanges.Any(c => c.TaskId == t.Id && c.ChangedAt >= since)
                || db.Contracts.Any(c => c.TaskId == t.Id && (c.CreatedAt >= since || c.ActivatedAt >= since || c.AwardWithdrawnAt >= since
                    || c.EndedAt >= since
                    || db.PlannedVisits.Any(v => v.ContractId == c.Id && (v.FirstReportedAt >= since || v.MissedAt >= since)))));
        }

        var ids = await tasks.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
        var releases = new List<OcdsRelease>();
        foreach (var chunk in ids.Chunk(200))
        {
            releases.AddRange((await LoadAsync(chunk, ct)).SelectMany(r => OcdsReleaseBuilder.Build(r, options.Value.OcidPrefix)));
        }

        var ordered = releases
            .Where(r => query.Since is null || r.Date >= query.Since)
            .OrderBy(r => r.Date).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        var pageOfReleases = ordered.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var next = ordered.Count > page * pageSize ? PageLink(requestUri, query.Since, page + 1) : null;
        return Package(requestUri, pageOfReleases, next);
    }

    public async Task<OcdsPackage> TaskAsync(int id, Uri requestUri, CancellationToken ct)
    {
        var record = (await LoadAsync([id], ct)).SingleOrDefault() ?? throw new ResourceNotFoundException("task.not-found");
        // One task's releases fit on one page: its stages are few. The package still says where the full list goes on.
        return Package(requestUri, OcdsReleaseBuilder.Build(record, options.Value.OcidPrefix), next: null);
    }

    private OcdsPackage Package(Uri requestUri, IReadOnlyList<OcdsRelease> releases, string? next) => new(
        requestUri.AbsoluteUri,
        "1.1",
        [BidExtension],
        clock.GetUtcNow(),
        new OcdsPublisher(options.Value.PublisherName),
        releases,
        next is null ? null : new OcdsLinks(next));

    private static string PageLink(Uri requestUri, DateTimeOffset? since, int page)
    {
        var query = new Dictionary<string, string?> { ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (since is { } s)
        {
            query["since"] = s.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture);
        }

        var path = requestUri.GetLeftPart(UriPartial.Path);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, query);
    }

    /// <summary>Published tasks with what their releases need; names of organizations only, nothing personal.</summary>
    private async Task<List<OcdsTaskRecord>> LoadAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => ids.Contains(t.Id) && t.PublishedAt != null)
            .Select(t => new { Task = t, AssociationName = t.Association!.Name })
            .ToListAsync(ct);
        var changes = (await db.TaskChanges.AsNoTracking().Where(c => ids.Contains(c.TaskId)).ToListAsync(ct)).ToLookup(c => c.TaskId);
        var bids = (await db.Bids.AsNoTracking().Where(b => ids.Contains(b.TaskId))
            .Select(b => new { Bid = b, GroupName = b.Group!.Name }).ToListAsync(ct)).ToLookup(b => b.Bid.TaskId);
        var contracts = await db.Contracts.AsNoTracking().Where(c => ids.Contains(c.TaskId))
            .Select(c => new { Contract = c, ProviderName = c.Provider!.Name }).ToListAsync(ct);
        var contractIds = contracts.Select(c => c.Contract.Id).ToList();
        var visits = (await db.PlannedVisits.AsNoTracking().Where(v => contractIds.Contains(v.ContractId)).ToListAsync(ct)).ToLookup(v => v.ContractId);
        var contractsByTask = contracts.ToLookup(c => c.Contract.TaskId);

        return tasks.Select(t => new OcdsTaskRecord(
            t.Task,
            t.AssociationName,
            changes[t.Task.Id].ToList(),
            bids[t.Task.Id].Select(b => new OcdsBidRecord(b.Bid, b.GroupName)).ToList(),
            contractsByTask[t.Task.Id].Select(c => new OcdsContractRecord(c.Contract, c.ProviderName, visits[c.Contract.Id].ToList())).ToList()))
            .ToList();
    }
}
