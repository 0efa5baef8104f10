using AutoMapper;
using AutoMapper.QueryableExtensions;
using Matchboard.Domain;
using Matchboard.Domain.Matching;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Benchmarks;

/// <summary>
/// Today's matching, copied in shape from the app (TaskService.ListAsync with matching=true, TaskService.AnnounceAsync)
/// and calling the same domain rules (TaskMatcher, TaskAccess, TaskDeadline) and the same AutoMapper projection.
/// When the app's queries change, change these with them (or call the app's service once it has a seam for it).
/// </summary>
public sealed class TaskMatcherQueries : IMatchingQueries
{
    private const int PageSize = 20;

    private readonly IConfigurationProvider _mapping =
        new MapperConfiguration(c => c.AddProfile<TaskMappingProfile>());

    public string Name => "TaskMatcher (yes/no rule, today)";

    public async Task<int> TasksForGroupAsync(MatchboardDbContext db, int groupId, DateTimeOffset now, CancellationToken ct)
    {
        var group = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == groupId, ct);
        var tasks = db.Tasks.AsNoTracking()
            .Where(TaskAccess.EverPublished)
            .Where(TaskMatcher.TasksFor(group, JapanTime.DateOf(now)))
            .Where(TaskDeadline.HasEffectiveStatus(CommunityTaskStatus.Open, now));
        var total = await tasks.CountAsync(ct);
        _ = await tasks.OrderBy(t => t.BidDeadline).ThenBy(t => t.Id)
            .Take(PageSize)
            .ProjectTo<TaskSummaryDto>(_mapping)
            .ToListAsync(ct);
        return total;
    }

    public async Task<int> GroupsForTaskAsync(MatchboardDbContext db, int taskId, DateTimeOffset now, CancellationToken ct)
    {
        // No page lists them yet; this is the announcement's candidate query and rule, as the association would see them.
        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId, ct);
        var today = JapanTime.DateOf(now);
        var candidates = await db.Organizations.AsNoTracking()
            .Where(o => o.Categories.Contains(task.Category) && o.WardsServed.Contains(task.Ward))
            .ToListAsync(ct);
        return candidates.Where(g => TaskMatcher.Matches(g, task, today)).OrderBy(g => g.Id).Count();
    }

    public async Task<int> FanOutForNewTaskAsync(MatchboardDbContext db, int taskId, DateTimeOffset now, CancellationToken ct)
    {
        // TaskService.AnnounceAsync: the query narrows to category and ward; TaskMatcher decides per group.
        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId, ct);
        var today = JapanTime.DateOf(now);
        var candidates = await db.Organizations.AsNoTracking()
            .Where(o => o.Categories.Contains(task.Category) && o.WardsServed.Contains(task.Ward))
            .ToListAsync(ct);
        var recipients = candidates.Where(g => TaskMatcher.Matches(g, task, today)).Select(g => g.Id).ToList();
        var notifications = recipients
            .Select(groupId => new Notification(groupId, NotificationType.TaskPosted, task.Id, task.Title, now))
            .ToList();
        return notifications.Count;
    }
}
