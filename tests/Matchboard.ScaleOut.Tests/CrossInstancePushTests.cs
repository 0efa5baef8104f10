using System.Diagnostics;
using Matchboard.Domain.Notifications;
using Matchboard.ScaleOut.Tests.Infrastructure;

namespace Matchboard.ScaleOut.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CrossInstancePushTests(Cluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task AnOfficerConnectedToInstanceBIsPushedTheBidPlacedThroughInstanceA()
    {
        await cluster.EnsureRunningAsync();
        var association = (await cluster.Market.AddAssociationsAsync(1))[0];
        var officer = (await cluster.SignInAsync([association]))[0];
        var task = (await cluster.Market.AddOpenTasksAsync(association, 1, TimeSpan.FromHours(1)))[0];
        await using var live = await HubClient.ConnectAsync(cluster.B, officer);

        var watch = Stopwatch.StartNew();
        var bid = await Bidding.PlaceAsync(cluster.Http(cluster.A), cluster.Groups[0], task);
        Assert.Equal(201, bid.Status);

        var pushed = await live.WaitForAsync(n => n.Type == NotificationType.BidPlaced && n.BidId == bid.Id, TimeSpan.FromSeconds(10));
        output.WriteLine($"Bid {bid.Id} placed through A ({cluster.A.BaseAddress}); pushed to the officer on B ({cluster.B.BaseAddress}) "
            + $"{(pushed is null ? "NEVER (10 s)" : $"after {watch.ElapsedMilliseconds} ms")}");
        Assert.True(pushed is not null, "No push on B for the bid placed through A.\n" + cluster.Logs);
        Assert.Equal(task, pushed.TaskId);
    }
}
