using System.Security.Claims;
using Matchboard.Domain.Bids;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Home;

/// <summary>One line of the to-do list: what to do, how many, and where to do it.</summary>
/// <param name="Key">Names the line for the page's words (<c>todo.{Key}</c>) and for tests.</param>
public sealed record TodoItem(string Key, int Count, string Url);

/// <summary>
/// What needs the signed-in organization now, counted for the home page. Each count uses the domain's own rule
/// (<see cref="TaskDeadline"/>, <see cref="BidStatuses"/>, the board's matching query), so a line never says
/// something the page it links to does not show.
/// </summary>
public sealed class TodoService(MatchboardDbContext db, TaskService tasks, TimeProvider clock)
{
    /// <summary>"Closing soon" for a civic group: the deadline is within this many days.</summary>
    public const int ClosingSoonDays = 7;

    /// <summary>The lines for this user, in a fixed order (the same place every day); empty for anyone else.</summary>
    public async Task<IReadOnlyList<TodoItem>> ListAsync(ClaimsPrincipal user, CancellationToken ct) =>
        user.OrganizationKind() switch
        {
            OrganizationKind.Association => await ForAssociationAsync(user.RequiredOrganizationId(), ct),
            OrganizationKind.CivicGroup => await ForGroupAsync(user, user.RequiredOrganizationId(), ct),
            _ => [],
        };

    private async Task<IReadOnlyList<TodoItem>> ForAssociationAsync(int associationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var own = db.Tasks.AsNoTracking().Where(t => t.AssociationId == associationId);

        // Closed, or open past the deadline, with at least one live bid to choose from.
        var awaitingDecision = await own
            .Where(TaskDeadline.HasEffectiveStatus(CommunityTaskStatus.Closed, now))
            .CountAsync(t => t.Bids.Any(b => BidStatuses.Live.Contains(b.Status)), ct);

        // Questions are worth answering while groups can still bid.
        var questions = await own
            .Where(TaskDeadline.HasEffectiveStatus(CommunityTaskStatus.Open, now))
            .SelectMany(t => t.Questions)
            .CountAsync(q => q.Answer == null, ct);

        var contracts = await db.Contracts.AsNoTracking()
            .CountAsync(c => c.AssociationId == associationId && c.Status == ContractStatus.PendingSignatures && c.AssociationSignedAt == null, ct);

        return
        [
            new("decide", awaitingDecision, "/Tasks/Mine#state-Closed"),
            new("questions", questions, "/Tasks/Mine#state-Open"),
            new("sign", contracts, "/Contracts"),
        ];
    }

    private async Task<IReadOnlyList<TodoItem>> ForGroupAsync(ClaimsPrincipal user, int groupId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();

        // Exactly the board's "matching, deadline within 7 days" list, so the count is what the link shows.
        var closingSoon = await tasks.ListAsync(
            new TaskQuery(null, null, null, null, null, Matching: true, null, Page: 1, PageSize: 1, DeadlineWithinDays: ClosingSoonDays),
            user,
            ct);

        // Bids waiting for the group after the association changed the task's dates, fee or requirements
        // (「変更前の内容への提案」): live, on a task still taking bids, since only then can they be confirmed or revised.
        var toConfirm = await db.Tasks.AsNoTracking()
            .Where(TaskDeadline.HasEffectiveStatus(CommunityTaskStatus.Open, now))
            .SelectMany(t => t.Bids)
            .Where(b => b.GroupId == groupId && BidStatuses.Live.Contains(b.Status) && b.ForEarlierTerms)
            .Select(b => b.TaskId)
            .ToListAsync(ct);

        // One: straight to its confirmation on the task page. Several: my bids, where each is marked with its link.
        var confirmUrl = toConfirm is [var taskId] ? $"/Tasks/{taskId}#earlier-terms" : "/Bids/Mine";

        var contracts = await db.Contracts.AsNoTracking()
            .CountAsync(c => c.ProviderId == groupId && c.Status == ContractStatus.PendingSignatures && c.ProviderSignedAt == null, ct);

        return
        [
            new("closing-soon", closingSoon.Total, $"/Tasks?matching=true&within={ClosingSoonDays}"),
            new("confirm", toConfirm.Count, confirmUrl),
            new("sign", contracts, "/Contracts"),
        ];
    }
}
