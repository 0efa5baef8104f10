using Matchboard.Domain;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Matching;
using Matchboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Matchboard.Web.Features.Bids;

/// <summary>
/// Everything the opened bid comparison is computed from, read in one query: if any of it changes, the stamp does.
/// The task's version moves with any change to it or its bids (a new, revised, confirmed or withdrawn bid, the opening,
/// an award: <c>BumpVersions</c>); each bidding group's version with any change to the group or its certification;
/// its insurance (an owned value that does not move the group's version) by its latest declaration; its contracts,
/// their reviews (a review moves its contract's version) and their planned visits by count and summed versions; the
/// reviews released by time by how many of those contracts ended more than <see cref="Contract.ReviewsSealedFor"/> ago;
/// the association's awards (the share-of-awards flag) by its awarded tasks' versions and how many fall in the window
/// now. The day is part of the key: certification, insurance and overdue reports are judged on it.
/// </summary>
public sealed record BidComparisonStamp(
    int TaskVersion,
    int GroupCount,
    int GroupVersions,
    DateTimeOffset? LatestInsurance,
    int Contracts,
    int ContractVersions,
    int ContractsReleasedByTime,
    int Visits,
    int VisitVersions,
    int AwardedTasks,
    int AwardedTaskVersions,
    int AwardsInWindow)
{
    public static Task<BidComparisonStamp> ReadAsync(
        MatchboardDbContext db, int taskId, DateTimeOffset now, MatchFairness fairness, CancellationToken ct)
    {
        var since = now.AddMonths(-fairness.WindowMonths);
        var releasedBefore = now - Contract.ReviewsSealedFor;
        var groupIds = db.Bids.Where(b => b.TaskId == taskId).Select(b => b.GroupId);
        var groups = db.Organizations.Where(o => groupIds.Contains(o.Id));
        var contracts = db.Contracts.Where(c => groupIds.Contains(c.ProviderId));
        var visits = db.PlannedVisits.Where(v => contracts.Select(c => c.Id).Contains(v.ContractId));
        return db.Tasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => new BidComparisonStamp(
            EF.Property<int>(t, MatchboardDbContext.VersionProperty),
            groups.Count(),
            groups.Sum(o => EF.Property<int>(o, MatchboardDbContext.VersionProperty)),
            groups.Max(o => o.Insurance == null ? null : (DateTimeOffset?)o.Insurance.DeclaredAt),
            contracts.Count(),
            contracts.Sum(c => EF.Property<int>(c, MatchboardDbContext.VersionProperty)),
            contracts.Count(c => c.EndedAt != null && c.EndedAt <= releasedBefore),
            visits.Count(),
            visits.Sum(v => EF.Property<int>(v, MatchboardDbContext.VersionProperty)),
            db.Tasks.Count(a => a.AssociationId == t.AssociationId && a.AwardedAt != null),
            db.Tasks.Where(a => a.AssociationId == t.AssociationId && a.AwardedAt != null)
                .Sum(a => EF.Property<int>(a, MatchboardDbContext.VersionProperty)),
            db.Tasks.Count(a => a.AssociationId == t.AssociationId && a.AwardedAt != null && a.AwardedAt >= since && a.AwardedBidId != null)))
            .SingleAsync(ct);
    }
}

/// <summary>The opened comparison as the page shows it: the bids scored and ordered, and each group's completed contracts.</summary>
public sealed record BidComparison(TaskBidsDto Bids, IReadOnlyDictionary<int, int> TrackRecord);

/// <summary>
/// The opened bid comparison of a task, kept per (task, order, language, Japan day, <see cref="BidComparisonStamp"/>):
/// scoring 20 bids reads every bidding group's contracts, visits and reviews, and the association reads its page again
/// and again while deciding. The stamp is read on every request, so a change to anything the comparison shows gives a
/// new key at once, on every instance; no entry is ever served after its inputs changed. Only the posting association,
/// after the access check and once the bids are open, reaches this: what is kept is identical for everyone allowed to
/// see it. Its own bounded cache (old stamps age out).
/// </summary>
public sealed class BidComparisonCache(TimeProvider clock, IOptions<MatchFairness> fairness) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 1_000 });

    public async Task<BidComparison> GetOrCreateAsync(
        MatchboardDbContext db, int taskId, string sort, Func<Task<BidComparison>> create, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stamp = await BidComparisonStamp.ReadAsync(db, taskId, now, fairness.Value, ct);
        var key = (taskId, sort, System.Globalization.CultureInfo.CurrentUICulture.Name, JapanTime.DateOf(now), stamp);
        if (_cache.TryGetValue(key, out BidComparison? kept) && kept is not null)
        {
            return kept;
        }

        var made = await create();
        _cache.Set(key, made, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return made;
    }

    public void Dispose() => _cache.Dispose();
}
