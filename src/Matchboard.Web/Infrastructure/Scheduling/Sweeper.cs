using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Infrastructure.Scheduling;

/// <summary>
/// The one hosted service for timed work: on every tick of a <see cref="TimeProvider"/> timer it runs each
/// registered <see cref="ISweep"/> in a scope of its own. Tests set the interval to zero and call
/// <see cref="SweepAsync"/> after moving their fake clock.
/// </summary>
public sealed class Sweeper(
    IServiceScopeFactory scopes,
    IEnumerable<ISweep> sweeps,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<Sweeper> logger) : BackgroundService
{
    public const string IntervalSetting = "Matchboard:SweepInterval";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue(IntervalSetting, TimeSpan.FromMinutes(1));
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            await SweepAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs every sweep once; one failing sweep does not stop the others.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var changed = 0;
        foreach (var sweep in sweeps)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                changed += await sweep.RunAsync(scope.ServiceProvider, clock.GetUtcNow(), ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance or a request changed an item meanwhile; the next tick looks again.
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Sweep {Sweep} failed", sweep.GetType().Name);
            }
        }

        return changed;
    }
}
