using AutoMapper;
using AutoMapper.QueryableExtensions;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Benchmarks;

/// <summary>
/// The floors: for each query, the indexed SELECT of the same candidate rows with no matching logic — no loading of
/// the group or task, no eligibility or certification rule, no per-row decision. What the candidates are (the
/// group's categories and wards, the task's category and ward) is read once before timing and passed in as values.
/// A matching query can never be faster than its floor; the ratio says what matching adds on top of it.
/// </summary>
public sealed class Floors
{
    private const int PageSize = 20;

    private readonly IConfigurationProvider _mapping =
        new MapperConfiguration(c => c.AddProfile<TaskMappingProfile>());

    /// <summary>Open tasks in the group's categories and wards: count and the first page, same order and projection.</summary>
    public async Task<int> TasksInAsync(
        MatchboardDbContext db, IReadOnlyList<string> categories, IReadOnlyList<string> wards, DateTimeOffset now, CancellationToken ct)
    {
        var categoryList = categories.ToList();
        var wardList = wards.ToList();
        var tasks = db.Tasks.AsNoTracking()
            .Where(TaskAccess.EverPublished)
            .Where(t => t.Status == CommunityTaskStatus.Open && t.BidDeadline > now)
            .Where(t => categoryList.Contains(t.Category) && wardList.Contains(t.Ward));
        var total = await tasks.CountAsync(ct);
        _ = await tasks.OrderBy(t => t.BidDeadline).ThenBy(t => t.Id)
            .Take(PageSize)
            .ProjectTo<TaskSummaryDto>(_mapping)
            .ToListAsync(ct);
        return total;
    }

    /// <summary>Every organization serving the category in the ward: the announcement's candidate rows, as entities.</summary>
    public async Task<int> GroupsServingAsync(MatchboardDbContext db, string category, string ward, CancellationToken ct)
    {
        List<Organization> candidates = await db.Organizations.AsNoTracking()
            .Where(o => o.Categories.Contains(category) && o.WardsServed.Contains(ward))
            .ToListAsync(ct);
        return candidates.Count;
    }
}
