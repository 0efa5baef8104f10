using Matchboard.ScaleOut.Tests.Infrastructure;
using Matchboard.Web.Data.Provider;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.ScaleOut.Tests;

/// <summary>The embedded default under the same storm: one instance on SQLite, in-process.</summary>
public sealed class SqliteBidStormTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoThousandBidsFrom100ConcurrentGroupsOnSqliteNeverShowAUserABusyDatabase()
    {
        await using var factory = new SqliteFactory();
        var market = new Market(factory.Services);
        var http = factory.CreateClient();
        var groups = await Task.WhenAll((await market.AddGroupsAsync(Cluster.GroupCount)).Select(m => Session.SignInAsync(http, m)));
        var association = (await market.AddAssociationsAsync(1))[0];
        var tasks = await market.AddOpenTasksAsync(association, 100, TimeSpan.FromHours(1));
        var storm = new BidStorm(groups, tasks, bidsPerGroup: 20);

        await storm.RunAsync((_, _) => http);

        var check = await BidStorm.CheckAsync(market.ReadAsync, tasks);
        var acknowledged = storm.Placed.Where(p => p.Answer.IsSuccess).Select(p => p.Answer.Id!.Value).ToList();
        output.WriteLine($"Bid storm on SQLite, one instance: {storm.Total} bids from {groups.Length} groups on {tasks.Count} tasks. {storm.Tally.Summary(storm.Elapsed)}");
        output.WriteLine($"2xx: {acknowledged.Count}; stored: {check.StoredBidIds.Count}; duplicate (task, group): {check.DuplicatePairs}; "
            + $"bids not announced exactly once: {check.BidsNotAnnouncedExactlyOnce}; orphan notifications: {check.OrphanNotifications}");

        Assert.Equal(0, storm.Tally.Count(a => a.IsServerError || a.Status == 0));
        Assert.Equal(0, storm.Tally.Count(a => a.Body?.ToString().Contains("SQLITE", StringComparison.OrdinalIgnoreCase) == true));
        Assert.All(storm.Tally.All.Where(a => !a.IsSuccess), a => Assert.True(a.IsProblem(a.Status) && a.Status == 409, $"{a.Status} {a.Body}"));
        Assert.Equal(acknowledged.Order(), check.StoredBidIds.Order());
        Assert.Equal(0, check.DuplicatePairs);
        Assert.Equal(0, check.BidsNotAnnouncedExactlyOnce);
        Assert.Equal(0, check.OrphanNotifications);
    }

    /// <summary>SQLite whatever <c>MATCHBOARD_TEST_DATABASE</c> says: this test is about the embedded default.</summary>
    private sealed class SqliteFactory : MatchboardFactory
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }
}
