using System.Collections.Concurrent;
using System.Diagnostics;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.ScaleOut.Tests.Infrastructure;

/// <summary>
/// 100 groups at once, each placing its bids one after another (a group is one organization's client):
/// group g bids on 20 of the storm's tasks, so that every task gets bids from 20 groups racing each other.
/// </summary>
public sealed class BidStorm(IReadOnlyList<Session> groups, IReadOnlyList<int> taskIds, int bidsPerGroup)
{
    public Tally Tally { get; } = new();

    /// <summary>Every answer with the task and group it was for.</summary>
    public ConcurrentBag<(int TaskId, int GroupId, Answer Answer)> Placed { get; } = [];

    public TimeSpan Elapsed { get; private set; }

    public int Total => groups.Count * bidsPerGroup;

    /// <summary>
    /// Runs the storm. <paramref name="route"/> chooses the client (instance) for the j-th bid of a group;
    /// it is asked again for each bid, so a test can move traffic when an instance dies.
    /// </summary>
    public async Task RunAsync(Func<int, int, HttpClient> route, Action<int>? afterEachBid = null)
    {
        var placed = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(groups.Select((group, g) => Task.Run(async () =>
        {
            for (var j = 0; j < bidsPerGroup; j++)
            {
                var taskId = taskIds[(g + j * (taskIds.Count / bidsPerGroup)) % taskIds.Count];
                var answer = await Bidding.PlaceAsync(route(g, j), group, taskId, 10_000 + g * 10 + j);
                Tally.Add(answer);
                Placed.Add((taskId, group.Member.OrganizationId, answer));
                afterEachBid?.Invoke(Interlocked.Increment(ref placed));
            }
        })));
        Elapsed = watch.Elapsed;
    }

    /// <summary>
    /// What the database holds for the storm's tasks, checked against the answers: every acknowledged bid stored,
    /// no (task, group) twice, and each stored bid announced by exactly one BidPlaced notification (no orphan either way).
    /// </summary>
    public static async Task<StormCheck> CheckAsync(Func<Func<MatchboardDbContext, Task<StormCheck>>, Task<StormCheck>> read, IReadOnlyList<int> taskIds) =>
        await read(async db =>
        {
            var bids = await db.Bids.AsNoTracking().Where(b => taskIds.Contains(b.TaskId)).Select(b => new { b.Id, b.TaskId, b.GroupId }).ToListAsync();
            var announced = await db.Notifications.AsNoTracking()
                .Where(n => n.TaskId != null && taskIds.Contains(n.TaskId.Value) && n.Type == NotificationType.BidPlaced)
                .Select(n => n.BidId).ToListAsync();
            var bidIds = bids.Select(b => b.Id).ToHashSet();
            return new StormCheck(
                bidIds,
                bids.GroupBy(b => (b.TaskId, b.GroupId)).Count(g => g.Count() > 1),
                bids.Count(b => announced.Count(id => id == b.Id) != 1),
                announced.Count(id => id is null || !bidIds.Contains(id.Value)));
        });
}

public sealed record StormCheck(IReadOnlySet<int> StoredBidIds, int DuplicatePairs, int BidsNotAnnouncedExactlyOnce, int OrphanNotifications);
