using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Tasks;

/// <summary>
/// Moves open tasks whose bid deadline has passed to Closed (or Unawarded when nobody bid).
/// Reads and awards treat a passed deadline as closed anyway; this keeps the stored state honest.
/// Every instance runs it: each task is closed in a scope and save of its own, guarded by the task's version,
/// so that when two instances (or a sweep and an award) reach one task at once the second save fails for that
/// task alone, instead of throwing away a whole batch of other tasks' closings.
/// </summary>
public sealed class DeadlineSweep : ISweep
{
    public async Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var ids = await services.GetRequiredService<MatchboardDbContext>().Tasks
            .Where(TaskDeadline.OpenPastDeadlineAt(now))
            .Select(t => t.Id)
            .ToListAsync(ct);
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var closed = 0;
        foreach (var id in ids)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                closed += await CloseAsync(scope.ServiceProvider.GetRequiredService<MatchboardDbContext>(), id, now, ct) ? 1 : 0;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance closed it, or a request changed it, first; the next tick looks again if still due.
            }
        }

        return closed;
    }

    /// <summary>
    /// Closes one task if its deadline has come and it is still open: the one way bids are opened, for this sweep and
    /// for the association's first read after the deadline (<see cref="TaskService.OpenDueBidsAsync"/>) alike.
    /// Saved against the task's version; a concurrent opening makes this save fail instead of opening twice.
    /// </summary>
    public static async Task<bool> CloseAsync(MatchboardDbContext db, int taskId, DateTimeOffset now, CancellationToken ct)
    {
        var task = await db.Tasks.Include(t => t.Bids).Where(TaskDeadline.OpenPastDeadlineAt(now)).SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null)
        {
            return false;
        }

        task.Close(now);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
