using System.Net;
using System.Net.Http.Json;
using Matchboard.Domain.Bids;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Bids;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>Tasks edited through the API: the owner only, in public once published, with every bidder told.</summary>
public sealed class TaskEditingApiTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task TheOwnerEditsAPublishedTaskAndTheHistorySaysWhatChanged()
    {
        var (officer, task, body) = await PostCleanupAsync();
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        await group.BidAsync(task.Id, 10_000);

        var edit = await officer.Http.PutAsJsonAsync($"/api/tasks/{task.Id}", With(body, ("title", "駅前の歩道と公園の清掃"), ("feeYen", 25_000)));

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var edited = (await edit.Content.ReadFromJsonAsync<TaskDetailDto>(ApiClient.Json))!;
        Assert.Equal(("駅前の歩道と公園の清掃", 25_000L), (edited.Title, edited.FeeYen));
        Assert.Equal([DayOfWeek.Tuesday], edited.VisitWeekdays);
        var history = await factory.CreateClient().GetFromJsonAsync<List<TaskChangeDto>>($"/api/tasks/{task.Id}/history", ApiClient.Json);
        var change = Assert.Single(history!);
        Assert.Equal(1, change.Revision);
        Assert.True(change.ChangesTerms);
        Assert.Equal(
            [new TaskFieldChangeDto("title", "駅前の歩道の清掃（月1回）", "駅前の歩道と公園の清掃", false), new TaskFieldChangeDto("feeYen", "20000", "25000", true)],
            change.Fields);
    }

    [Fact]
    public async Task EveryLiveBidderIsToldOfTheChangeAndTheirBidIsForTheEarlierTerms()
    {
        var (officer, task, body) = await PostCleanupAsync();
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        await group.BidAsync(task.Id, 10_000);

        (await officer.Http.PutAsJsonAsync($"/api/tasks/{task.Id}", With(body, ("feeYen", 30_000)))).EnsureSuccessStatusCode();

        var told = Assert.Single(await group.AllNotificationsAsync(), n => n.TaskId == task.Id && n.Type == NotificationType.TaskChanged);
        Assert.Equal(task.Title, told.Title);
        Assert.True((await group.GetAsync<BidDto>($"/api/tasks/{task.Id}/bids/mine")).ForEarlierTerms);
        // The association sees the mark with the bid, once the bids open at the deadline.
        factory.Clock.Advance(TimeSpan.FromDays(4));
        Assert.True(Assert.Single((await officer.GetAsync<TaskBidsDto>($"/api/tasks/{task.Id}/bids")).Bids).ForEarlierTerms);
    }

    [Fact]
    public async Task ConfirmingABidClearsTheEarlierTermsMarkAndKeepsTheOffer()
    {
        var (officer, task, body) = await PostCleanupAsync();
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        await group.BidAsync(task.Id, 10_000);
        (await officer.Http.PutAsJsonAsync($"/api/tasks/{task.Id}", With(body, ("insuranceRequired", false)))).EnsureSuccessStatusCode();

        var confirm = await group.Http.PostAsync($"/api/tasks/{task.Id}/bids/mine/confirm", null);

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var bid = (await confirm.Content.ReadFromJsonAsync<BidDto>(ApiClient.Json))!;
        Assert.Equal((false, 10_000L), (bid.ForEarlierTerms, bid.AmountYen));
        factory.Clock.Advance(TimeSpan.FromDays(4));
        Assert.False(Assert.Single((await officer.GetAsync<TaskBidsDto>($"/api/tasks/{task.Id}/bids")).Bids).ForEarlierTerms);
    }

    [Fact]
    public async Task ConfirmingABidTellsTheAssociationLiveSoItsComparisonDropsTheMark()
    {
        var (officer, task, body) = await PostCleanupAsync();
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var bid = await group.BidAsync(task.Id, 10_000);
        (await officer.Http.PutAsJsonAsync($"/api/tasks/{task.Id}", With(body, ("feeYen", 26_000)))).EnsureSuccessStatusCode();
        await using var live = await LiveClient.ConnectAsync(factory, officer);

        (await group.Http.PostAsync($"/api/tasks/{task.Id}/bids/mine/confirm", null)).EnsureSuccessStatusCode();

        var row = Assert.Single(await officer.AllNotificationsAsync(), n => n.TaskId == task.Id && n.Type == NotificationType.BidConfirmed);
        var pushed = await live.WaitForAsync(NotificationType.BidConfirmed, task.Id);
        Assert.Equal(task.Title, pushed.Title);
        Assert.Equal(pushed.Sequence, row.Sequence);
        Assert.DoesNotContain(await group.AllNotificationsAsync(), n => n.Type == NotificationType.BidConfirmed && n.TaskId == task.Id);
        factory.Clock.Advance(TimeSpan.FromDays(4));
        Assert.False(Assert.Single((await officer.GetAsync<TaskBidsDto>($"/api/tasks/{task.Id}/bids")).Bids, b => b.Id == bid.Id).ForEarlierTerms);
    }

    /// <summary>
    /// An edit and a new bid on the same task, sent at once, many times. Each either runs whole or is refused with
    /// a clean 409 that wrote nothing: never an edit that missed the bid placed under the old terms.
    /// </summary>
    [Fact]
    public async Task AnEditRacingABidOnTheSameTaskGivesOneOfThemAClean409OrRunsBothInTurn()
    {
        var tamagawa = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        for (var round = 0; round < 12; round++)
        {
            var (officer, task, body) = await PostCleanupAsync();
            await tamagawa.BidAsync(task.Id, 10_000);

            var responses = await Task.WhenAll(
                officer.Http.PutAsJsonAsync($"/api/tasks/{task.Id}", With(body, ("feeYen", 30_000))),
                mimamori.Http.PostAsJsonAsync($"/api/tasks/{task.Id}/bids", Requests.Bid(12_000, earliestStart: task.StartDate)));
            var (edit, bid) = (responses[0].StatusCode, responses[1].StatusCode);

            Assert.Contains((edit, bid), new[]
            {
                (HttpStatusCode.OK, HttpStatusCode.Created),
                (HttpStatusCode.Conflict, HttpStatusCode.Created),
                (HttpStatusCode.OK, HttpStatusCode.Conflict),
            });
            foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            {
                await ProblemAssert.HasCodeAsync(refused, HttpStatusCode.Conflict, "concurrency");
            }

            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
            var stored = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id);
            var bids = await db.Bids.AsNoTracking().Where(b => b.TaskId == task.Id).ToListAsync();
            var history = await db.TaskChanges.AsNoTracking().CountAsync(c => c.TaskId == task.Id);
            var told = await db.Notifications.AsNoTracking()
                .Where(n => n.TaskId == task.Id && n.Type == NotificationType.TaskChanged).Select(n => n.OrganizationId).ToListAsync();
            var mimamoriBid = bids.SingleOrDefault(b => b.GroupId == mimamori.OrganizationId);

            if (edit == HttpStatusCode.Conflict)
            {
                Assert.Equal((20_000L, 0, 0), (stored.FeeYen, history, told.Count));
                Assert.All(bids, b => Assert.False(b.ForEarlierTerms));
            }
            else
            {
                Assert.Equal(30_000L, stored.FeeYen);
                Assert.True(history > 0);
                Assert.True(bids.Single(b => b.GroupId == tamagawa.OrganizationId).ForEarlierTerms);
            }

            if (bid == HttpStatusCode.Conflict)
            {
                Assert.Null(mimamoriBid);
            }
            else
            {
                // Placed before the edit: marked and told. After it: neither. Never one without the other.
                Assert.NotNull(mimamoriBid);
                Assert.Equal(mimamoriBid.ForEarlierTerms, told.Contains(mimamoriBid.GroupId));
            }
        }
    }

    /// <summary>The interleaving the race above may or may not hit, forced: both read the task before either writes.</summary>
    [Fact]
    public async Task ABidSavedAfterAnEditReadTheSameTaskIsRefusedAndWritesNothing()
    {
        var (officer, task, _) = await PostCleanupAsync();
        var now = factory.Clock.GetUtcNow();
        await using var scopeA = factory.Services.CreateAsyncScope();
        await using var scopeB = factory.Services.CreateAsyncScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var groupId = (await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff)).OrganizationId;
        var group = await dbB.Organizations.AsNoTracking().SingleAsync(o => o.Id == groupId);

        var editing = await dbA.LoadOwnAsync(task.Id, officer.OrganizationId, CancellationToken.None);
        var bidding = await dbB.LoadAsync(task.Id, groupId, CancellationToken.None);
        editing.Edit(editing.Details with { FeeYen = 30_000 }, now);
        bidding.PlaceBid(group, new BidTerms(12_000, "週1回、2人1組で訪問します。", 2, task.StartDate), now);
        await dbA.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => dbB.SaveChangesAsync());
        await using var check = factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        Assert.Empty(await db.Bids.Where(b => b.TaskId == task.Id).ToListAsync());
        Assert.Equal(30_000L, (await db.Tasks.SingleAsync(t => t.Id == task.Id)).FeeYen);
    }

    [Fact]
    public async Task ABidForTheEarlierTermsCanStillBeAwarded()
    {
        var (officer, task, body) = await PostCleanupAsync();
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var bid = await group.BidAsync(task.Id, 10_000);
        (await officer.Http.PutAsJsonAsync($"/api/tasks/{task.Id}", With(body, ("feeYen", 15_000)))).EnsureSuccessStatusCode();
        factory.Clock.Advance(TimeSpan.FromDays(4));

        var award = await officer.AwardAsync(task.Id, bid.Id);

        Assert.True(award.IsSuccessStatusCode, await award.Content.ReadAsStringAsync());
        Assert.Equal(CommunityTaskStatus.Awarded, (await officer.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}")).Status);
    }

    [Fact]
    public async Task NoOneButTheOwnerMayEditAndARefusalChangesNothing()
    {
        var (_, task, body) = await PostCleanupAsync();
        var otherAssociation = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var changed = With(body, ("feeYen", 1));
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var byOtherAssociation = await otherAssociation.Http.PutAsJsonAsync($"/api/tasks/{task.Id}", changed);
        var byGroup = await group.Http.PutAsJsonAsync($"/api/tasks/{task.Id}", changed);
        var byNobody = await factory.CreateClient().PutAsJsonAsync($"/api/tasks/{task.Id}", changed);

        await ProblemAssert.HasCodeAsync(byOtherAssociation, HttpStatusCode.Forbidden, "task.not-yours");
        Assert.Equal(HttpStatusCode.Forbidden, byGroup.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byNobody.StatusCode);
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    [Fact]
    public async Task ADraftIsEditedFreelyWithoutHistoryAndStaysHiddenFromOthers()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var body = Requests.CleanupTask(factory.Clock.GetUtcNow());
        body["publish"] = false;
        var draft = await officer.PostTaskAsync(body);
        var other = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);

        var edit = await officer.Http.PutAsJsonAsync($"/api/tasks/{draft.Id}", With(body, ("feeYen", 22_000), ("bidDeadline", factory.Clock.GetUtcNow().AddDays(1))));
        var othersEdit = await other.Http.PutAsJsonAsync($"/api/tasks/{draft.Id}", With(body, ("feeYen", 1)));
        var othersHistory = await other.Http.GetAsync($"/api/tasks/{draft.Id}/history");

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Empty(await officer.GetAsync<List<TaskChangeDto>>($"/api/tasks/{draft.Id}/history"));
        await ProblemAssert.HasCodeAsync(othersEdit, HttpStatusCode.NotFound, "task.not-found");
        await ProblemAssert.HasCodeAsync(othersHistory, HttpStatusCode.NotFound, "task.not-found");
        Assert.Equal(22_000, (await officer.GetAsync<TaskDetailDto>($"/api/tasks/{draft.Id}")).FeeYen);
    }

    [Fact]
    public async Task TheDeadlineCannotBeBroughtCloserOnceABidExistsButMayBeExtended()
    {
        var (officer, task, body) = await PostCleanupAsync();
        await (await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff)).BidAsync(task.Id, 10_000);

        var earlier = await officer.Http.PutAsJsonAsync($"/api/tasks/{task.Id}", With(body, ("bidDeadline", task.BidDeadline.AddDays(-1))));
        await ProblemAssert.HasCodeAsync(earlier, HttpStatusCode.UnprocessableEntity, "task.deadline-earlier");
        Assert.Equal(task.BidDeadline, (await officer.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}")).BidDeadline);
        Assert.Empty(await officer.GetAsync<List<TaskChangeDto>>($"/api/tasks/{task.Id}/history"));

        var later = await officer.Http.PutAsJsonAsync($"/api/tasks/{task.Id}", With(body, ("bidDeadline", task.BidDeadline.AddDays(2))));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(task.BidDeadline.AddDays(2), (await officer.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}")).BidDeadline);
    }

    [Fact]
    public async Task AnEndDateMoreThanTwoYearsAwayIsRefused()
    {
        var (officer, task, body) = await PostCleanupAsync();
        var today = Domain.JapanTime.DateOf(factory.Clock.GetUtcNow());

        var edit = await officer.Http.PutAsJsonAsync($"/api/tasks/{task.Id}", With(body, ("endDate", today.AddDays(Domain.DateBounds.PlanAheadDays + 1).ToString("yyyy-MM-dd"))));

        var problem = await ProblemAssert.IsProblemAsync(edit, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("endDate", out _));
        Assert.Equal(task.EndDate, (await officer.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}")).EndDate);
    }

    [Fact]
    public async Task ATaskPastItsDeadlineCannotBeEdited()
    {
        var (officer, task, body) = await PostCleanupAsync();
        factory.Clock.Advance(TimeSpan.FromDays(4));

        var edit = await officer.Http.PutAsJsonAsync($"/api/tasks/{task.Id}", With(body, ("title", "変更"), ("bidDeadline", factory.Clock.GetUtcNow().AddDays(1))));

        await ProblemAssert.HasCodeAsync(edit, HttpStatusCode.Conflict, "task.not-editable");
        Assert.Equal(task.Title, (await officer.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}")).Title);
    }

    /// <summary>A published clean-up in 高津区 (a volunteer task anyone verified may bid on), and the body it was posted with.</summary>
    private async Task<(ApiClient Officer, TaskDetailDto Task, Dictionary<string, object?> Body)> PostCleanupAsync()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var body = Requests.CleanupTask(factory.Clock.GetUtcNow());
        return (officer, await officer.PostTaskAsync(body), body);
    }

    /// <summary>The posting body as an edit: the same fields without publish, some changed.</summary>
    private static Dictionary<string, object?> With(Dictionary<string, object?> body, params (string Field, object? Value)[] changes)
    {
        var edit = new Dictionary<string, object?>(body);
        edit.Remove("publish");
        foreach (var (field, value) in changes)
        {
            edit[field] = value;
        }

        return edit;
    }
}
