using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Tasks;

/// <summary>
/// Moves open tasks whose bid deadline has passed to Closed (or Unawarded when nobody bid).
/// Reads and awards treat a passed deadline as closed anyway; this keeps the stored state honest.
/// </summary>
public sealed class DeadlineSweeper(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<DeadlineSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Matchboard:DeadlineSweepInterval", TimeSpan.FromMinutes(1));
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone changed the task meanwhile (an award closes it too); the next sweep looks again.
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Closing tasks past their deadline failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var now = clock.GetUtcNow();
        var expired = await db.Tasks
            .Include(t => t.Bids)
            .Where(t => t.Status == CommunityTaskStatus.Open && t.BidDeadline <= now)
            .ToListAsync(ct);
        foreach (var task in expired)
        {
            task.Close(now);
        }

        await db.SaveChangesAsync(ct);
        return expired.Count;
    }
}
