using System.Diagnostics;
using Matchboard.Domain.Notifications;
using Matchboard.ScaleOut.Tests.Infrastructure;
using Matchboard.Web.Features.Notifications;

namespace Matchboard.ScaleOut.Tests;

[Collection(ClusterCollection.Name)]
public sealed class RedisOutageTests(Cluster cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task WhileRedisIsDownFor10SecondsHttpKeepsWorkingAndAfterwardsPushesResumeAndClientsRecoverEveryMissedNotification()
    {
        await cluster.EnsureRunningAsync();
        var associations = await cluster.Market.AddAssociationsAsync(2);
        var officers = await cluster.SignInAsync(associations);
        var tasks = new List<int>();
        foreach (var association in associations)
        {
            tasks.AddRange(await cluster.Market.AddOpenTasksAsync(association, 15, TimeSpan.FromHours(1)));
        }

        // Officer 0 listens on A, officer 1 on B; bids go through both, so pushes must cross the backplane.
        await using var onA = await HubClient.ConnectAsync(cluster.A, officers[0]);
        await using var onB = await HubClient.ConnectAsync(cluster.B, officers[1]);
        var groups = cluster.Groups.Take(20).ToList();
        var phase = "before";
        var byPhase = new Dictionary<string, Tally> { ["before"] = new(), ["during"] = new(), ["after"] = new() };
        using var stop = new CancellationTokenSource();

        // Activity: 20 groups, each placing about one bid a second on the 30 tasks, through A and B in turn.
        var activity = Task.WhenAll(groups.Select((group, g) => Task.Run(async () =>
        {
            for (var j = 0; j < tasks.Count && !stop.IsCancellationRequested; j++)
            {
                var current = phase;
                var answer = await Bidding.PlaceAsync(cluster.Http((g + j) % 2 == 0 ? cluster.A : cluster.B), group, tasks[(g + j) % tasks.Count]);
                lock (byPhase)
                {
                    byPhase[current].Add(answer);
                }

                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        })));

        var watch = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(3));
        cluster.Redis.Stop();
        var stoppedAt = watch.Elapsed;
        phase = "during";
        await Task.Delay(Outage);
        cluster.Redis.Start();
        var restartedAt = watch.Elapsed;
        phase = "after";

        // Pushes resume: a bid placed through A after Redis returned reaches the officer listening on B.
        var probeTask = (await cluster.Market.AddOpenTasksAsync(associations[1], 1, TimeSpan.FromHours(1)))[0];
        NotificationDto? resumed = null;
        var resumeWatch = Stopwatch.StartNew();
        Answer? probe = null;
        for (var attempt = 0; attempt < 15 && resumed is null; attempt++)
        {
            // A new bid each second (a group may bid once per task): the first whose push crosses the backplane.
            probe = await Bidding.PlaceAsync(cluster.Http(cluster.A), cluster.Groups[50 + attempt], probeTask);
            var probeId = probe.Id;
            resumed = await onB.WaitForAsync(n => n.Type == NotificationType.BidPlaced && n.BidId == probeId, TimeSpan.FromSeconds(1));
        }

        await stop.CancelAsync();
        await activity;
        var spans = new Dictionary<string, TimeSpan> { ["before"] = stoppedAt, ["during"] = restartedAt - stoppedAt, ["after"] = watch.Elapsed - restartedAt };
        var a = await Delivery.CheckAsync(cluster, officers[0], cluster.Http(cluster.B), onA.Received);
        var b = await Delivery.CheckAsync(cluster, officers[1], cluster.Http(cluster.A), onB.Received);

        foreach (var (name, tally) in byPhase)
        {
            output.WriteLine($"Redis {name} the {Outage.TotalSeconds:0} s outage: {tally.Summary(spans[name])}");
        }

        output.WriteLine($"Pushes crossed instances again {resumeWatch.Elapsed.TotalSeconds:0.0} s after Redis restarted (at {restartedAt.TotalSeconds:0.0} s): {(resumed is null ? "NOT within 15 s" : "yes")}");
        output.WriteLine($"Officer on A: {a}");
        output.WriteLine($"Officer on B: {b}");

        foreach (var tally in byPhase.Values)
        {
            Assert.Equal(0, tally.Count(x => x.IsServerError || x.Status == 0));
        }

        Assert.True(byPhase["during"].Count(x => x.IsSuccess) > 0, "No bid succeeded while Redis was down");
        Assert.True(resumed is not null, "Pushes did not resume after Redis returned.\n" + cluster.Logs);
        foreach (var delivery in new[] { a, b })
        {
            Assert.True(delivery.Pushed < delivery.Stored, "Some pushes should have been lost during the outage: " + delivery);
            Assert.Equal(0, delivery.Lost);
            Assert.Equal(0, delivery.DuplicatedInCatchUp);
            Assert.Equal(0, delivery.Phantom);
            Assert.True(delivery.GapFree, "Sequence not 1..N: " + delivery);
        }
    }
}
