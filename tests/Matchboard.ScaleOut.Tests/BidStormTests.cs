using Matchboard.ScaleOut.Tests.Infrastructure;

namespace Matchboard.ScaleOut.Tests;

[Collection(ClusterCollection.Name)]
public sealed class BidStormTests(Cluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task TwoThousandBidsFrom100ConcurrentGroupsOverBothInstancesAreEachStoredOnceAndNoneFails()
    {
        await cluster.EnsureRunningAsync();
        var association = (await cluster.Market.AddAssociationsAsync(1))[0];
        var tasks = await cluster.Market.AddOpenTasksAsync(association, 100, TimeSpan.FromHours(1));
        var storm = new BidStorm(cluster.Groups, tasks, bidsPerGroup: 20);

        await storm.RunAsync((g, j) => cluster.Http((g + j) % 2 == 0 ? cluster.A : cluster.B));

        var check = await BidStorm.CheckAsync(cluster.Market.ReadAsync, tasks);
        var acknowledged = storm.Placed.Where(p => p.Answer.IsSuccess).Select(p => p.Answer.Id!.Value).ToList();
        output.WriteLine($"Bid storm on {cluster.Provider}, two instances: {storm.Total} bids from {cluster.Groups.Count} groups on {tasks.Count} tasks. {storm.Tally.Summary(storm.Elapsed)}");
        output.WriteLine($"2xx: {acknowledged.Count}; stored: {check.StoredBidIds.Count}; duplicate (task, group): {check.DuplicatePairs}; "
            + $"bids not announced exactly once: {check.BidsNotAnnouncedExactlyOnce}; orphan notifications: {check.OrphanNotifications}");

        Assert.Equal(storm.Total, storm.Tally.All.Count);
        Assert.Equal(0, storm.Tally.Count(a => a.IsServerError || a.Status == 0));
        Assert.All(storm.Tally.All.Where(a => !a.IsSuccess), a => Assert.True(a.IsProblem(a.Status) && a.Status == 409, $"{a.Status} {a.Body}"));
        Assert.Equal(acknowledged.Count, check.StoredBidIds.Count);
        Assert.Equal(acknowledged.Order(), check.StoredBidIds.Order());
        Assert.Equal(0, check.DuplicatePairs);
        Assert.Equal(0, check.BidsNotAnnouncedExactlyOnce);
        Assert.Equal(0, check.OrphanNotifications);
    }
}
