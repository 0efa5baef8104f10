using System.Net;
using System.Net.Http.Json;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Contracts;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Infrastructure.Scheduling;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>Illegal transitions are 409 conflicts and leave everything as it was.</summary>
public sealed class TaskStateTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task ABidAfterTheDeadlineIsAConflict()
    {
        var (officer, task) = await PostCleanupAsync();
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        factory.Clock.Advance(TimeSpan.FromDays(4));

        var bid = await group.Http.PostAsJsonAsync($"/api/tasks/{task.Id}/bids", Requests.Bid(1_000, earliestStart: task.StartDate));

        await ProblemAssert.HasCodeAsync(bid, HttpStatusCode.Conflict, "task.not-accepting-bids");
        Assert.Equal(HttpStatusCode.NotFound, (await group.Http.GetAsync($"/api/tasks/{task.Id}/bids/mine")).StatusCode);
        var bids = await officer.GetAsync<Features.Bids.TaskBidsDto>($"/api/tasks/{task.Id}/bids");
        Assert.Equal((0, 0), (bids.Count, bids.Bids.Count));
    }

    [Fact]
    public async Task ABidCannotBeRevisedOrWithdrawnAfterTheDeadline()
    {
        var (_, task) = await PostCleanupAsync();
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        await group.BidAsync(task.Id, 10_000);
        factory.Clock.Advance(TimeSpan.FromDays(4));

        var revise = await group.Http.PutAsJsonAsync($"/api/tasks/{task.Id}/bids/mine", Requests.Bid(1, earliestStart: task.StartDate));
        var withdraw = await group.Http.DeleteAsync($"/api/tasks/{task.Id}/bids/mine");

        await ProblemAssert.HasCodeAsync(revise, HttpStatusCode.Conflict, "task.not-accepting-bids");
        await ProblemAssert.HasCodeAsync(withdraw, HttpStatusCode.Conflict, "task.not-accepting-bids");
        Assert.Equal(10_000, (await group.GetAsync<Features.Bids.BidDto>($"/api/tasks/{task.Id}/bids/mine")).AmountYen);
    }

    [Fact]
    public async Task AGroupHasOneLiveBidPerTaskButMayBidAgainAfterWithdrawing()
    {
        var (_, task) = await PostCleanupAsync();
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        await group.BidAsync(task.Id, 10_000);

        var second = await group.Http.PostAsJsonAsync($"/api/tasks/{task.Id}/bids", Requests.Bid(9_000, earliestStart: task.StartDate));
        await ProblemAssert.HasCodeAsync(second, HttpStatusCode.Conflict, "bid.already-placed");

        Assert.Equal(HttpStatusCode.NoContent, (await group.Http.DeleteAsync($"/api/tasks/{task.Id}/bids/mine")).StatusCode);
        var again = await group.BidAsync(task.Id, 8_000);
        Assert.Equal(8_000, again.AmountYen);
    }

    [Fact]
    public async Task AwardingBeforeTheDeadlineIsAConflict()
    {
        var (officer, task) = await PostCleanupAsync();
        var bid = await (await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff)).BidAsync(task.Id);

        var award = await officer.AwardAsync(task.Id, bid.Id);

        await ProblemAssert.HasCodeAsync(award, HttpStatusCode.Conflict, "task.deadline-not-passed");
        Assert.Equal(CommunityTaskStatus.Open, (await officer.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}")).Status);
    }

    [Fact]
    public async Task AnAwardNeedsAWrittenReason()
    {
        var (officer, task) = await PostCleanupAsync();
        var bid = await (await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff)).BidAsync(task.Id);
        factory.Clock.Advance(TimeSpan.FromDays(4));

        var award = await officer.AwardAsync(task.Id, bid.Id, rationale: " ");

        var problem = await ProblemAssert.IsProblemAsync(award, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("rationale", out _));
    }

    [Fact]
    public async Task ATaskIsAwardedOnce()
    {
        var (officer, task) = await PostCleanupAsync();
        var bid = await (await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff)).BidAsync(task.Id);
        factory.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(HttpStatusCode.OK, (await officer.AwardAsync(task.Id, bid.Id)).StatusCode);

        var again = await officer.AwardAsync(task.Id, bid.Id);

        await ProblemAssert.HasCodeAsync(again, HttpStatusCode.Conflict, "task.already-awarded");
        await ProblemAssert.HasCodeAsync(await officer.Http.PostAsync($"/api/tasks/{task.Id}/cancel", null), HttpStatusCode.Conflict, "task.cannot-cancel");
    }

    [Fact]
    public async Task TwoConcurrentAwardsOfOneTaskGiveOneContract()
    {
        var (officer, task) = await PostCleanupAsync();
        var first = await (await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff)).BidAsync(task.Id, 10_000);
        var second = await (await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff)).BidAsync(task.Id, 11_000);
        var otherOfficerSession = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        factory.Clock.Advance(TimeSpan.FromDays(4));

        var responses = await Task.WhenAll(
            officer.AwardAsync(task.Id, first.Id),
            otherOfficerSession.AwardAsync(task.Id, second.Id));

        var statuses = responses.Select(r => r.StatusCode).Order().ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
        var winner = (await responses.Single(r => r.IsSuccessStatusCode).Content.ReadFromJsonAsync<ContractDto>(ApiClient.Json))!;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        Assert.Equal(winner.Id, (await db.Contracts.SingleAsync(c => c.TaskId == task.Id)).Id);
        var bids = await db.Bids.Where(b => b.TaskId == task.Id).ToListAsync();
        Assert.Single(bids, b => b.Status == Domain.Bids.BidStatus.Accepted);
        Assert.Single(bids, b => b.Status == Domain.Bids.BidStatus.Rejected);
    }

    [Fact]
    public async Task TheSecondOfTwoInterleavedAwardsWritesNothing()
    {
        var (officer, task) = await PostCleanupAsync();
        var first = await (await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff)).BidAsync(task.Id, 10_000);
        var second = await (await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff)).BidAsync(task.Id, 11_000);
        factory.Clock.Advance(TimeSpan.FromDays(4));
        var now = factory.Clock.GetUtcNow();
        await using var scopeA = factory.Services.CreateAsyncScope();
        await using var scopeB = factory.Services.CreateAsyncScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<MatchboardDbContext>();

        // Both read the same version before either writes: the interleaving a race can produce.
        var taskA = await dbA.LoadOwnAsync(task.Id, officer.OrganizationId, CancellationToken.None);
        var taskB = await dbB.LoadOwnAsync(task.Id, officer.OrganizationId, CancellationToken.None);
        dbA.Contracts.Add(taskA.Award(first.Id, "早く提案してくれて、内容も具体的で分かりやすかったため。", now));
        dbB.Contracts.Add(taskB.Award(second.Id, "金額が妥当で、毎週同じ訪問員がうかがえる体制があるため。", now));
        await dbA.SaveChangesAsync();

        // The version check, or the one-contract-per-task index, refuses it; either way the API answers 409.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => dbB.SaveChangesAsync());
        var contract = Assert.Single(await dbA.Contracts.AsNoTracking().Where(c => c.TaskId == task.Id).ToListAsync());
        Assert.Equal(first.Id, contract.BidId);
        var bids = await dbA.Bids.AsNoTracking().Where(b => b.TaskId == task.Id).ToDictionaryAsync(b => b.Id, b => b.Status);
        Assert.Equal(Domain.Bids.BidStatus.Accepted, bids[first.Id]);
        Assert.Equal(Domain.Bids.BidStatus.Rejected, bids[second.Id]);
    }

    [Fact]
    public async Task ATaskChangedSinceItWasReadCannotBeWrittenOver()
    {
        var (officer, task) = await PostCleanupAsync();
        await using var scopeA = factory.Services.CreateAsyncScope();
        await using var scopeB = factory.Services.CreateAsyncScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var taskA = await dbA.LoadOwnAsync(task.Id, officer.OrganizationId, CancellationToken.None);
        var taskB = await dbB.LoadOwnAsync(task.Id, officer.OrganizationId, CancellationToken.None);
        var groupId = await dbB.Users.Where(u => u.Email == DemoAccounts.TamagawaStaff).Select(u => u.OrganizationId).SingleAsync();
        var group = await dbB.Organizations.SingleAsync(o => o.Id == groupId);

        taskA.Cancel(factory.Clock.GetUtcNow());
        await dbA.SaveChangesAsync();
        taskB.PlaceBid(group, new Domain.Bids.BidTerms(1_000, "取り消しの直前に", 1, DateOnly.FromDateTime(factory.Clock.GetUtcNow().AddDays(10).DateTime)), factory.Clock.GetUtcNow());

        // Only a bid row is inserted, but it bumps the task's version, whose check fails.
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => dbB.SaveChangesAsync());
        Assert.Empty(await dbA.Bids.AsNoTracking().Where(b => b.TaskId == task.Id).ToListAsync());
    }

    [Fact]
    public async Task CancellingAnOpenTaskRejectsLiveBidsAndTellsTheBidders()
    {
        var (officer, task) = await PostCleanupAsync();
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        await group.BidAsync(task.Id);

        var cancel = await officer.Http.PostAsync($"/api/tasks/{task.Id}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(Domain.Bids.BidStatus.Rejected, (await group.GetAsync<Features.Bids.BidDto>($"/api/tasks/{task.Id}/bids/mine")).Status);
        Assert.Contains((await group.NotificationsAsync()).Items, n => n.TaskId == task.Id && n.Type == Domain.Notifications.NotificationType.TaskCancelled);
    }

    [Fact]
    public async Task ADraftIsPublishedOnceAndThenMatchingGroupsAreTold()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var draft = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow(), publish: false));
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        Assert.Equal(CommunityTaskStatus.Draft, draft.Status);
        Assert.DoesNotContain((await group.NotificationsAsync()).Items, n => n.TaskId == draft.Id);

        var publish = await officer.Http.PostAsync($"/api/tasks/{draft.Id}/publish", null);
        var again = await officer.Http.PostAsync($"/api/tasks/{draft.Id}/publish", null);

        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        await ProblemAssert.HasCodeAsync(again, HttpStatusCode.Conflict, "task.not-draft");
        Assert.Contains((await group.NotificationsAsync()).Items, n => n.TaskId == draft.Id && n.Type == Domain.Notifications.NotificationType.TaskPosted);
    }

    [Fact]
    public async Task TheSweeperClosesTasksPastTheirDeadline()
    {
        var (officer, withBid) = await PostCleanupAsync();
        await (await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff)).BidAsync(withBid.Id);
        var (_, withoutBid) = await PostCleanupAsync();
        factory.Clock.Advance(TimeSpan.FromDays(4));

        var closed = await factory.Services.GetRequiredService<Sweeper>().SweepAsync(CancellationToken.None);

        Assert.True(closed >= 2);
        Assert.Equal(CommunityTaskStatus.Closed, (await officer.GetAsync<TaskDetailDto>($"/api/tasks/{withBid.Id}")).Status);
        Assert.Equal(CommunityTaskStatus.Unawarded, (await officer.GetAsync<TaskDetailDto>($"/api/tasks/{withoutBid.Id}")).Status);
    }

    [Fact]
    public async Task AnOpenTaskPastItsDeadlineIsListedAsClosedBeforeAnySweep()
    {
        var (officer, task) = await PostCleanupAsync();
        factory.Clock.Advance(TimeSpan.FromDays(4));

        var open = await officer.GetAsync<PagedResult<TaskSummaryDto>>("/api/tasks?mine=true&status=Open&pageSize=100");
        var closed = await officer.GetAsync<PagedResult<TaskSummaryDto>>("/api/tasks?mine=true&status=Closed&pageSize=100");

        Assert.DoesNotContain(open.Items, t => t.Id == task.Id);
        Assert.Contains(closed.Items, t => t.Id == task.Id && t.Status == CommunityTaskStatus.Open);
    }

    private async Task<(ApiClient Officer, TaskDetailDto Task)> PostCleanupAsync()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        return (officer, await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow())));
    }
}
