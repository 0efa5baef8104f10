using Matchboard.Domain.Matching;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Matching;
using Matchboard.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Benchmarks;

/// <summary>
/// The floors: for each query, the indexed SELECT of the same candidate rows by the rubric's candidate rule, with no
/// scoring — no loading of the group or task, no track record, no ranking, no per-row decision. The candidates (the
/// group's categories and wards with the related categories and neighbouring wards, by
/// <see cref="MatchScoring.CandidateCategories"/> and <see cref="MatchScoring.CandidateWards"/>; the same from the
/// task's side) are worked out once before timing and passed in as values. A matching query can never be faster than
/// its floor; the ratio says what loading, scoring and ranking add on top of it.
/// </summary>
public sealed class Floors
{
    /// <summary>
    /// The database's part of a group's ranked list, without scoring: the open tasks in the candidate categories ×
    /// candidate wards counted as the list counts them (by category, ward and requirements, with three start-date
    /// boundaries, through the same index), and one page of 20 of them (in the index's order: no sort) with the columns
    /// the scorer reads.
    /// </summary>
    public async Task<int> TaskKindsAndPageAsync(
        MatchboardDbContext db, IReadOnlyList<string> categories, IReadOnlyList<string> wards, DateTimeOffset now, CancellationToken ct)
    {
        var candidates = Candidates(db, categories, wards, now);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var (b1, b2, b3) = (today.AddDays(30), today.AddDays(60), today.AddDays(90));
        var kinds = await candidates
            .GroupBy(t => new { t.Category, t.Ward, t.CertificationRequired, t.InsuranceRequired })
            .Select(g => new
            {
                g.Key.Category,
                g.Key.Ward,
                g.Key.CertificationRequired,
                g.Key.InsuranceRequired,
                Before1 = g.Count(t => t.StartDate < b1),
                Before2 = g.Count(t => t.StartDate < b2),
                Before3 = g.Count(t => t.StartDate < b3),
                All = g.Count(),
            })
            .ToListAsync(ct);
        var page = await candidates.OrderBy(t => t.Category).ThenBy(t => t.Ward).Take(20)
            .Select(t => new MatchTask(t.Id, t.Category, t.Ward, t.StartDate, t.CertificationRequired, t.InsuranceRequired, t.FeeYen))
            .ToListAsync(ct);
        return page.Count == 0 ? 0 : kinds.Sum(k => k.All);
    }

    /// <summary>Every open task in the candidate categories × candidate wards, with the columns the scorer reads (the floor before the list was ranked by kind).</summary>
    public async Task<int> TasksInAsync(
        MatchboardDbContext db, IReadOnlyList<string> categories, IReadOnlyList<string> wards, DateTimeOffset now, CancellationToken ct)
    {
        var candidates = await Candidates(db, categories, wards, now)
            .Select(t => new MatchTask(t.Id, t.Category, t.Ward, t.StartDate, t.CertificationRequired, t.InsuranceRequired, t.FeeYen))
            .ToListAsync(ct);
        return candidates.Count;
    }

    private static IQueryable<CommunityTask> Candidates(MatchboardDbContext db, IReadOnlyList<string> categories, IReadOnlyList<string> wards, DateTimeOffset now)
    {
        var categoryList = categories.ToList();
        var wardList = wards.ToList();
        return db.Tasks.AsNoTracking()
            .Where(TaskAccess.EverPublished)
            .Where(t => t.Status == CommunityTaskStatus.Open && t.BidDeadline > now)
            .Where(t => categoryList.Contains(t.Category) && wardList.Contains(t.Ward));
    }

    /// <summary>
    /// Verified civic groups serving a candidate category in a candidate ward, with the columns the ranking reads
    /// (<see cref="MatchCandidate.Columns"/>, the product's own projection: it no longer loads whole entities).
    /// </summary>
    public async Task<int> GroupsServingAsync(
        MatchboardDbContext db, IReadOnlyList<string> categories, IReadOnlyList<string> wards, CancellationToken ct)
    {
        var categoryList = categories.ToList();
        var wardList = wards.ToList();
        List<MatchCandidate> candidates = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.CivicGroup && o.IsVerified)
            .Where(o => o.Categories.Any(c => categoryList.Contains(c)) && o.WardsServed.Any(w => wardList.Contains(w)))
            .Select(MatchCandidate.Columns)
            .ToListAsync(ct);
        return candidates.Count;
    }
}
