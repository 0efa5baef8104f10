using System.Diagnostics;
using Matchboard.ScaleOut.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.ScaleOut.Tests;

[Collection(ClusterCollection.Name)]
public sealed class AwardRaceTests(Cluster cluster, ITestOutputHelper output)
{
    private const int Associations = 10;
    private const int TasksPerAssociation = 20;
    private const int AwardsPerTask = 8;
    private const int BidsPerTask = 4;
    private const string Rationale = "清掃の経験が長く、道具を持参してくださるため、この会に決めました。";

    [Fact]
    public async Task EightConcurrentAwardsOfEachOf200TasksOverBothInstancesMakeOneContractEachAndLosersGetAClean409()
    {
        await cluster.EnsureRunningAsync();
        var associations = await cluster.Market.AddAssociationsAsync(Associations);
        var officers = await cluster.SignInAsync(associations);
        var tasks = new List<(Session Officer, ClosedTask Task)>();
        for (var a = 0; a < Associations; a++)
        {
            var bidders = Enumerable.Range(0, BidsPerTask).Select(i => cluster.Groups[(a * BidsPerTask + i) % cluster.Groups.Count].Member).ToList();
            tasks.AddRange((await cluster.Market.AddClosedTasksAsync(associations[a], bidders, TasksPerAssociation)).Select(t => (officers[a], t)));
        }

        // Each task's eight awards leave together, half through each instance, each naming one of its bids;
        // sixteen tasks are raced at a time (128 requests in flight).
        var tally = new Tally();
        var winners = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var perTask = new System.Collections.Concurrent.ConcurrentDictionary<int, List<Answer>>();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(tasks, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (entry, _) =>
        {
            var (officer, task) = entry;
            var answers = await Task.WhenAll(Enumerable.Range(0, AwardsPerTask).Select(k =>
            {
                var instance = k % 2 == 0 ? cluster.A : cluster.B;
                var bidId = task.BidIds[k % task.BidIds.Count];
                return Answer.SendAsync(cluster.Http(instance), officer.Request(HttpMethod.Post, $"/api/tasks/{task.TaskId}/award", new { bidId, rationale = Rationale }));
            }));
            foreach (var answer in answers)
            {
                tally.Add(answer);
            }

            perTask[task.TaskId] = answers.ToList();
        });
        watch.Stop();

        var taskIds = tasks.Select(t => t.Task.TaskId).ToList();
        var contracts = await cluster.Market.ReadAsync(db => db.Contracts.Where(c => taskIds.Contains(c.TaskId))
            .Select(c => new { c.Id, c.TaskId, c.BidId }).ToListAsync());
        var oneWinner = perTask.Count(p => p.Value.Count(a => a.IsSuccess) == 1);
        output.WriteLine($"Award race: {tasks.Count} tasks x {AwardsPerTask} concurrent awards over A and B. {tally.Summary(watch.Elapsed)}");
        output.WriteLine($"Tasks with exactly one 2xx: {oneWinner}/{tasks.Count}; contracts stored: {contracts.Count} on {contracts.Select(c => c.TaskId).Distinct().Count()} tasks");

        Assert.Equal(0, tally.Count(a => a.IsServerError || a.Status == 0));
        Assert.Equal(tasks.Count, oneWinner);
        Assert.All(tally.All.Where(a => !a.IsSuccess), a => Assert.True(a.IsProblem(409), $"A loser got {a.Status} {a.ContentType} {a.Body}"));
        Assert.Equal(tasks.Count, contracts.Count);
        Assert.Equal(taskIds.Order(), contracts.Select(c => c.TaskId).Order());
        foreach (var contract in contracts)
        {
            // The contract stored is the one the single winner was told about.
            var won = perTask[contract.TaskId].Single(a => a.IsSuccess);
            Assert.Equal(contract.Id, won.Id);
        }
    }
}
