using System.Diagnostics;
using Matchboard.ScaleOut.Tests.Infrastructure;

namespace Matchboard.ScaleOut.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ProcessKillTests(Cluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task AnInstanceKilledDuringABidStormLosesNoAcknowledgedBidAndItsClientCatchesUpOnTheOther()
    {
        await cluster.EnsureRunningAsync();
        try
        {
            var association = (await cluster.Market.AddAssociationsAsync(1))[0];
            var officer = (await cluster.SignInAsync([association]))[0];
            var tasks = await cluster.Market.AddOpenTasksAsync(association, 50, TimeSpan.FromHours(1));
            var storm = new BidStorm(cluster.Groups, tasks, bidsPerGroup: 10);
            await using var onA = await HubClient.ConnectAsync(cluster.A, officer);

            // SIGKILL A once 30% of the bids are answered; from then on every group sends through B.
            var killAt = storm.Total * 3 / 10;
            Task? kill = null;
            var killedAfter = TimeSpan.Zero;
            var watch = Stopwatch.StartNew();
            await storm.RunAsync(
                (g, j) => cluster.Http(cluster.A.IsRunning && (g + j) % 2 == 0 ? cluster.A : cluster.B),
                placed =>
                {
                    if (placed == killAt)
                    {
                        killedAfter = watch.Elapsed;
                        kill = Task.Run(cluster.A.Kill);
                    }
                });
            await kill!;

            // The officer's connection to A died with it: it connects to B and catches up from its contiguous mark.
            var closed = await Task.WhenAny(onA.Closed, Task.Delay(TimeSpan.FromSeconds(30))) == onA.Closed;
            await using var onB = await HubClient.ConnectAsync(cluster.B, officer);
            var delivery = await Delivery.CheckAsync(cluster, officer, cluster.Http(cluster.B), onA.Received);

            var check = await BidStorm.CheckAsync(cluster.Market.ReadAsync, tasks);
            var acknowledged = storm.Placed.Where(p => p.Answer.IsSuccess).Select(p => p.Answer.Id!.Value).ToList();
            var unanswered = storm.Placed.Where(p => p.Answer.Status == 0).ToList();

            output.WriteLine($"SIGKILL of A after {killAt} answers ({killedAfter.TotalSeconds:0.0} s) in a storm of {storm.Total} bids: {storm.Tally.Summary(storm.Elapsed)}");
            output.WriteLine($"2xx: {acknowledged.Count}; no answer (in flight to A or refused): {unanswered.Count}; stored: {check.StoredBidIds.Count} "
                + $"(so {check.StoredBidIds.Count - acknowledged.Count} committed without their answer reaching the client); "
                + $"duplicate (task, group): {check.DuplicatePairs}; bids not announced exactly once: {check.BidsNotAnnouncedExactlyOnce}; orphan notifications: {check.OrphanNotifications}");
            output.WriteLine($"Officer's connection to A closed: {closed}; after reconnecting to B and catching up: {delivery}");

            Assert.Equal(0, storm.Tally.Count(a => a.IsServerError));
            Assert.All(acknowledged, id => Assert.Contains(id, check.StoredBidIds));
            Assert.Equal(0, check.DuplicatePairs);
            Assert.Equal(0, check.BidsNotAnnouncedExactlyOnce);
            Assert.Equal(0, check.OrphanNotifications);
            Assert.True(closed, "The client of the killed instance never saw its connection close");
            Assert.Equal(check.StoredBidIds.Count, delivery.Stored);
            Assert.Equal(0, delivery.Lost);
            Assert.Equal(0, delivery.DuplicatedInCatchUp);
            Assert.Equal(0, delivery.Phantom);
            Assert.True(delivery.GapFree, "Sequence not 1..N: " + delivery);
        }
        finally
        {
            await cluster.EnsureRunningAsync();
        }
    }
}
