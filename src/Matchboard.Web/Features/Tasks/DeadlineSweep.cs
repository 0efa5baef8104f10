using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Tasks;

/// <summary>
/// Moves open tasks whose bid deadline has passed to Closed (or Unawarded when nobody bid).
/// Reads and awards treat a passed deadline as closed anyway; this keeps the stored state honest.
/// </summary>
public sealed class DeadlineSweep : ISweep
{
    public async Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<MatchboardDbContext>();
        var expired = await db.Tasks
            .Include(t => t.Bids)
            .Where(TaskDeadline.OpenPastDeadlineAt(now))
            .ToListAsync(ct);
        foreach (var task in expired)
        {
            task.Close(now);
        }

        await db.SaveChangesAsync(ct);
        return expired.Count;
    }
}
