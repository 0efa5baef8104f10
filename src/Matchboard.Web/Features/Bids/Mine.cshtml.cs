using Matchboard.Domain.Bids;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Bids;

/// <summary>A civic group's own bids, grouped by state. Only the group's own rows are read.</summary>
[Authorize(Policy = Policies.CivicGroup)]
public sealed class MineModel(MatchboardDbContext db, TimeProvider clock) : PageModel
{
    public static IReadOnlyList<BidStatus> Order { get; } =
        [BidStatus.Accepted, BidStatus.Submitted, BidStatus.Revised, BidStatus.Rejected, BidStatus.AwardWithdrawn, BidStatus.Withdrawn];

    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public IReadOnlyDictionary<BidStatus, List<Row>> ByStatus { get; private set; } = new Dictionary<BidStatus, List<Row>>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetListAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Partial("_MyBidList", this);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var groupId = User.RequiredOrganizationId();
        var rows = await (
                from b in db.Bids.AsNoTracking()
                join t in db.Tasks.AsNoTracking() on b.TaskId equals t.Id
                where b.GroupId == groupId
                orderby b.Id descending
                select new Row(b.Id, t.Id, t.Title, t.Status, t.BidDeadline, b.AmountYen, b.Status, b.UpdatedAt, b.DecidedAt, b.ForEarlierTerms))
            .ToListAsync(ct);
        ByStatus = rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.ToList());
    }

    public sealed record Row(
        int BidId, int TaskId, string TaskTitle, CommunityTaskStatus TaskStatus, DateTimeOffset Deadline,
        long AmountYen, BidStatus Status, DateTimeOffset UpdatedAt, DateTimeOffset? DecidedAt, bool ForEarlierTerms)
    {
        /// <summary>Made before the task changed and still confirmable: live, on a task still taking bids.</summary>
        public bool AwaitsConfirmation(DateTimeOffset now) =>
            ForEarlierTerms && BidStatuses.IsLive(Status)
            && TaskDeadline.EffectiveStatus(TaskStatus, Deadline, now) == CommunityTaskStatus.Open;
    }
}
