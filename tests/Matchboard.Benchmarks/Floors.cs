using Matchboard.Domain.Matching;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
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
    /// <summary>Open tasks in the candidate categories × candidate wards, the columns the scorer reads.</summary>
    public async Task<int> TasksInAsync(
        MatchboardDbContext db, IReadOnlyList<string> categories, IReadOnlyList<string> wards, DateTimeOffset now, CancellationToken ct)
    {
        var categoryList = categories.ToList();
        var wardList = wards.ToList();
        var candidates = await db.Tasks.AsNoTracking()
            .Where(TaskAccess.EverPublished)
            .Where(t => t.Status == CommunityTaskStatus.Open && t.BidDeadline > now)
            .Where(t => categoryList.Contains(t.Category) && wardList.Contains(t.Ward))
            .Select(t => new MatchTask(t.Id, t.Category, t.Ward, t.StartDate, t.CertificationRequired, t.InsuranceRequired, t.FeeYen))
            .ToListAsync(ct);
        return candidates.Count;
    }

    /// <summary>Verified civic groups serving a candidate category in a candidate ward, as entities.</summary>
    public async Task<int> GroupsServingAsync(
        MatchboardDbContext db, IReadOnlyList<string> categories, IReadOnlyList<string> wards, CancellationToken ct)
    {
        var categoryList = categories.ToList();
        var wardList = wards.ToList();
        List<Organization> candidates = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.CivicGroup && o.IsVerified)
            .Where(o => o.Categories.Any(c => categoryList.Contains(c)) && o.WardsServed.Any(w => wardList.Contains(w)))
            .ToListAsync(ct);
        return candidates.Count;
    }
}
