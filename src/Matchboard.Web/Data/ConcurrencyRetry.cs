using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data;

/// <summary>
/// For changes that do not contradict the concurrent change they collided with: a group's bid and another
/// group's bid on the same task both step the task's version (so that an award or an edit that read the task
/// cannot miss either), but neither makes the other wrong. The loser forgets what it read and runs the whole
/// attempt again on fresh rows, so every domain rule is checked anew; it gives up, with the 409, only after
/// <paramref name="attempts"/> conflicts in a row. Inside a request transaction EF's automatic savepoint has
/// already undone the failed attempt's writes.
/// </summary>
public static class ConcurrencyRetry
{
    public static async Task<T> RetryOnConflictAsync<T>(this MatchboardDbContext db, Func<Task<T>> attempt, int attempts = 5)
    {
        for (var tried = 1; ; tried++)
        {
            try
            {
                return await attempt();
            }
            catch (DbUpdateConcurrencyException) when (tried < attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public static Task RetryOnConflictAsync(this MatchboardDbContext db, Func<Task> attempt, int attempts = 5) =>
        db.RetryOnConflictAsync(async () =>
        {
            await attempt();
            return true;
        }, attempts);
}
