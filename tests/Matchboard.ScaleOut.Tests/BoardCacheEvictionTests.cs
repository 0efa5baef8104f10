using System.Net.Http.Json;
using Matchboard.ScaleOut.Tests.Infrastructure;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.ScaleOut.Tests;

/// <summary>The board's cached copy lives in Redis: one instance serves what the other cached, and a change through one is seen on the other at once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BoardCacheEvictionTests(Cluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task ATaskCancelledThroughInstanceALeavesTheBoardCachedOnInstanceB()
    {
        await cluster.EnsureRunningAsync();
        var association = (await cluster.Market.AddAssociationsAsync(1))[0];
        var officer = (await cluster.SignInAsync([association]))[0];
        var task = (await cluster.Market.AddOpenTasksAsync(association, 1, TimeSpan.FromDays(3)))[0];
        var url = $"/api/tasks?ward=takatsu&pageSize=100&v={Guid.NewGuid():N}";
        var onB = await cluster.Http(cluster.B).GetAsync(url);
        await cluster.Market.RetitleBehindTheCacheAsync(task, "キャッシュの外で変えた題名");

        // A reads the copy B stored (the store is Redis), with the title from before the bulk update.
        var onA = await cluster.Http(cluster.A).GetAsync(url);
        Assert.NotNull(onA.Headers.Age);
        Assert.Equal(await onB.Content.ReadAsStringAsync(), await onA.Content.ReadAsStringAsync());

        using var cancel = await cluster.Http(cluster.A).SendAsync(officer.Request(HttpMethod.Post, $"/api/tasks/{task}/cancel"));
        Assert.True(cancel.IsSuccessStatusCode, $"cancel: {(int)cancel.StatusCode}\n{cluster.Logs}");

        var after = await cluster.Http(cluster.B).GetAsync(url);
        var board = (await after.Content.ReadFromJsonAsync<PagedResult<TaskSummaryDto>>(ApiClient.Json))!;
        output.WriteLine($"B before: cached copy made; A: served B's copy (Age {onA.Headers.Age}); after the cancel through A, B: Age {after.Headers.Age?.ToString() ?? "none"}, task shown: {board.Items.Any(t => t.Id == task)}");
        Assert.Null(after.Headers.Age);
        Assert.DoesNotContain(board.Items, t => t.Id == task);
    }
}
