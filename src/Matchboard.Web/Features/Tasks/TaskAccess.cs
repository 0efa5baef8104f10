using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Tasks;

/// <summary>Loads a task for a change, with the object-level checks every feature needs.</summary>
public static class TaskAccess
{
    /// <summary>
    /// Published at some time: what the board and the public may ever see. A draft cancelled before it was
    /// published was never public and stays so, whatever its status says now.
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<CommunityTask, bool>> EverPublished = t => t.PublishedAt != null;

    /// <summary>The one visibility rule: a task never published exists only for the association writing it.</summary>
    public static IQueryable<CommunityTask> VisibleTo(this IQueryable<CommunityTask> tasks, int? organizationId) =>
        tasks.Where(t => t.PublishedAt != null || t.AssociationId == organizationId);

    /// <summary>The task with its bids and questions, tracked. Drafts of others stay hidden (404).</summary>
    public static async Task<CommunityTask> LoadAsync(this MatchboardDbContext db, int taskId, int? organizationId, CancellationToken ct)
    {
        return await db.Tasks
            .VisibleTo(organizationId)
            .Include(t => t.Bids)
            .Include(t => t.Questions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw new ResourceNotFoundException("task.not-found");
    }

    /// <summary>The task, only if the caller's association posted it (another association gets 403).</summary>
    public static async Task<CommunityTask> LoadOwnAsync(this MatchboardDbContext db, int taskId, int organizationId, CancellationToken ct)
    {
        var task = await db.LoadAsync(taskId, organizationId, ct);
        return task.AssociationId == organizationId ? task : throw new ForbiddenAccessException("task.not-yours");
    }
}
