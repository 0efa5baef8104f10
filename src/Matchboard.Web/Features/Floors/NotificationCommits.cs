using System.Collections.Concurrent;
using System.Diagnostics;
using Matchboard.Domain.Notifications;

namespace Matchboard.Web.Features.Floors;

/// <summary>
/// When each notification's transaction committed, for the benchmark's push rows (issue 13: "bid committed → the
/// officer's hub client receives it"). Registered only with <c>Matchboard:Benchmark:Floors=true</c>; otherwise the outbox
/// gets none and calls nothing. The time is <see cref="Stopwatch.GetTimestamp"/>: on Linux .NET reads it from
/// <c>clock_gettime(CLOCK_MONOTONIC)</c> in nanoseconds, one clock for every process on the machine, so the benchmark
/// (another process) subtracts it from its own <see cref="Stopwatch.GetTimestamp"/> taken when the push arrives
/// (<c>GET /_floors/clock</c> lets it check that the two clocks agree). Keyed by organization and sequence, the
/// notification's own identity on the wire; the oldest are forgotten beyond <see cref="Capacity"/>.
/// </summary>
public sealed class NotificationCommits
{
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<(int Organization, long Sequence), long> _committedAt = new();

    private readonly ConcurrentQueue<(int Organization, long Sequence)> _order = new();

    /// <summary>Called by the outbox right after the commit, before any push.</summary>
    public void Committed(IReadOnlyCollection<Notification> notifications)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var notification in notifications)
        {
            var key = (notification.OrganizationId, notification.Sequence);
            _committedAt[key] = now;
            _order.Enqueue(key);
        }

        while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _committedAt.TryRemove(oldest, out _);
        }
    }

    public long? CommittedAt(int organizationId, long sequence) =>
        _committedAt.TryGetValue((organizationId, sequence), out var at) ? at : null;
}
