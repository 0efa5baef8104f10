using AutoMapper;
using AutoMapper.QueryableExtensions;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Tasks;

/// <summary>An association's own tasks, grouped by state.</summary>
[Authorize(Policy = Policies.Officer)]
public sealed class MineModel(MatchboardDbContext db, IMapper mapper, TimeProvider clock) : PageModel
{
    /// <summary>The order in which the groups are shown: what needs the officer first.</summary>
    public static IReadOnlyList<CommunityTaskStatus> Order { get; } =
    [
        CommunityTaskStatus.Closed, CommunityTaskStatus.Open, CommunityTaskStatus.Draft,
        CommunityTaskStatus.Awarded, CommunityTaskStatus.Unawarded, CommunityTaskStatus.Cancelled,
    ];

    public IReadOnlyDictionary<CommunityTaskStatus, List<MyTaskDto>> ByStatus { get; private set; } =
        new Dictionary<CommunityTaskStatus, List<MyTaskDto>>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetListAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Partial("_MineList", this);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var associationId = User.RequiredOrganizationId();
        var all = await db.Tasks.AsNoTracking()
            .Where(t => t.AssociationId == associationId)
            .OrderByDescending(t => t.Id)
            .ProjectTo<MyTaskDto>(mapper.ConfigurationProvider)
            .ToListAsync(ct);

        // An open task past its deadline is waiting for the officer's decision.
        ByStatus = all
            .GroupBy(t => TaskDeadline.EffectiveStatus(t.Status, t.BidDeadline, now))
            .ToDictionary(g => g.Key, g => g.ToList());
    }
}
