using System.Net;
using System.Net.Http.Json;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>Every object is checked, not just the role: the denials.</summary>
public sealed class AuthorizationTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task AnonymousVisitorsSeeOnlyOpenTasks()
    {
        var anonymous = factory.CreateClient();

        var page = await anonymous.GetFromJsonAsync<PagedResult<TaskSummaryDto>>("/api/tasks?status=Awarded&pageSize=100", ApiClient.Json);

        Assert.NotEmpty(page!.Items);
        Assert.All(page.Items, t => Assert.Equal(Domain.Tasks.CommunityTaskStatus.Open, t.Status));
        Assert.All(page.Items, t => Assert.True(t.BidDeadline > factory.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task AnonymousVisitorsCannotChangeAnything()
    {
        var anonymous = factory.CreateClient();

        var post = await anonymous.PostAsJsonAsync("/api/tasks", Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        var me = await anonymous.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task NobodyCanRegisterAnAccountWithoutAnOrganization()
    {
        var anonymous = factory.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/auth/register", new { email = "someone@example.jp", password = "Matchboard-2026" });
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "someone@example.jp", password = "Matchboard-2026" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task AnAssociationCannotBid()
    {
        var (task, _, _) = await OpenTaskWithBidAsync();
        var otherOfficer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);

        var bid = await otherOfficer.Http.PostAsJsonAsync($"/api/tasks/{task.Id}/bids", Requests.Bid(10_000));

        Assert.Equal(HttpStatusCode.Forbidden, bid.StatusCode);
    }

    [Fact]
    public async Task ACivicGroupCannotPostOrAwardATask()
    {
        var (task, bid, _) = await OpenTaskWithBidAsync();
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);

        var post = await group.Http.PostAsJsonAsync("/api/tasks", Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var award = await group.AwardAsync(task.Id, bid.Id);

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, award.StatusCode);
    }

    [Fact]
    public async Task AnotherAssociationCannotAwardCancelOrReadTheBidsOfATask()
    {
        var (task, bid, _) = await OpenTaskWithBidAsync();
        var otherOfficer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);

        await ProblemAssert.HasCodeAsync(await otherOfficer.AwardAsync(task.Id, bid.Id), HttpStatusCode.Forbidden, "task.not-yours");
        await ProblemAssert.HasCodeAsync(await otherOfficer.Http.PostAsync($"/api/tasks/{task.Id}/cancel", null), HttpStatusCode.Forbidden, "task.not-yours");
        await ProblemAssert.HasCodeAsync(await otherOfficer.Http.GetAsync($"/api/tasks/{task.Id}/bids"), HttpStatusCode.Forbidden, "bid.sealed");
    }

    [Fact]
    public async Task AnotherGroupSeesNeitherTheBidsNorTheirCountBeforeTheAward()
    {
        var (task, _, bidder) = await OpenTaskWithBidAsync();
        var otherGroup = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);

        var list = await otherGroup.Http.GetAsync($"/api/tasks/{task.Id}/bids");
        var mine = await otherGroup.Http.GetAsync($"/api/tasks/{task.Id}/bids/mine");
        var detail = await otherGroup.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}");
        var raw = await otherGroup.Http.GetStringAsync($"/api/tasks/{task.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        await ProblemAssert.HasCodeAsync(mine, HttpStatusCode.NotFound, "bid.not-found");
        Assert.Null(detail.BidCount);
        Assert.Null(detail.Award);
        Assert.DoesNotContain("12345", raw);
        Assert.DoesNotContain(bidder.Me.Organization.Name, raw);
    }

    [Fact]
    public async Task TheBiddingGroupSeesItsOwnBidAndThePostingAssociationSeesAll()
    {
        var (task, bid, bidder) = await OpenTaskWithBidAsync();
        var owner = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);

        var mine = await bidder.GetAsync<Features.Bids.BidDto>($"/api/tasks/{task.Id}/bids/mine");
        var sealedAll = await owner.GetAsync<Features.Bids.TaskBidsDto>($"/api/tasks/{task.Id}/bids");
        var detail = await owner.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}");
        // The posting association sees them all once they open, at the deadline; until then only how many.
        factory.Clock.Advance(TimeSpan.FromDays(4));
        var all = await owner.GetAsync<Features.Bids.TaskBidsDto>($"/api/tasks/{task.Id}/bids");

        Assert.Equal(12_345, mine.AmountYen);
        Assert.Equal((1, 0), (sealedAll.Count, sealedAll.Bids.Count));
        Assert.Equal(1, detail.BidCount);
        Assert.Equal(bid.Id, Assert.Single(all.Bids).Id);
    }

    [Fact]
    public async Task ADraftOfAnotherAssociationDoesNotExistForOthers()
    {
        var owner = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var request = Requests.CleanupTask(factory.Clock.GetUtcNow());
        request["publish"] = false;
        var draft = await owner.PostTaskAsync(request);
        var other = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);

        Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync($"/api/tasks/{draft.Id}")).StatusCode);
        await ProblemAssert.HasCodeAsync(await other.Http.GetAsync($"/api/tasks/{draft.Id}"), HttpStatusCode.NotFound, "task.not-found");
        await ProblemAssert.HasCodeAsync(await other.Http.PostAsync($"/api/tasks/{draft.Id}/publish", null), HttpStatusCode.NotFound, "task.not-found");
        await ProblemAssert.HasCodeAsync(
            await group.Http.PostAsJsonAsync($"/api/tasks/{draft.Id}/bids", Requests.Bid(1)), HttpStatusCode.NotFound, "task.not-found");
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/tasks/{draft.Id}")).StatusCode);
    }

    [Fact]
    public async Task OnlyTheTwoSidesCanReadOrSignAContract()
    {
        var (task, bid, bidder) = await OpenTaskWithBidAsync();
        var owner = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        factory.Clock.Advance(TimeSpan.FromDays(4));
        var contract = (await (await owner.AwardAsync(task.Id, bid.Id)).Content.ReadFromJsonAsync<Features.Contracts.ContractDto>(ApiClient.Json))!;
        var outsider = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var otherOfficer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);

        await ProblemAssert.HasCodeAsync(await outsider.Http.GetAsync($"/api/contracts/{contract.Id}"), HttpStatusCode.Forbidden, "contract.not-yours");
        await ProblemAssert.HasCodeAsync(await otherOfficer.Http.PostAsync($"/api/contracts/{contract.Id}/sign", null), HttpStatusCode.Forbidden, "contract.not-yours");
        Assert.Equal(contract.Id, (await bidder.GetAsync<Features.Contracts.ContractDto>($"/api/contracts/{contract.Id}")).Id);

        // Once awarded, who won, for how much and why is public.
        var publicView = await factory.CreateClient().GetFromJsonAsync<TaskDetailDto>($"/api/tasks/{task.Id}", ApiClient.Json);
        Assert.Equal(bidder.Me.Organization.Name, publicView!.Award!.GroupName);
        Assert.Equal(12_345, publicView.Award.AmountYen);
        Assert.Equal(1, publicView.BidCount);
    }

    [Fact]
    public async Task NotificationsBelongToOneOrganization()
    {
        var (task, _, bidder) = await OpenTaskWithBidAsync();
        var owner = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);

        Assert.Contains((await owner.NotificationsAsync()).Items, n => n.TaskId == task.Id && n.Type == Domain.Notifications.NotificationType.BidPlaced);
        Assert.DoesNotContain((await bidder.NotificationsAsync()).Items, n => n.Type == Domain.Notifications.NotificationType.BidPlaced);
    }

    [Fact]
    public async Task AnUnverifiedGroupCannotBid()
    {
        var (task, _, _) = await OpenTaskWithBidAsync();
        var unverified = await ApiClient.SignInAsync(factory, DemoAccounts.UnverifiedStaff);

        var bid = await unverified.Http.PostAsJsonAsync($"/api/tasks/{task.Id}/bids", Requests.Bid(10_000));

        await ProblemAssert.HasCodeAsync(bid, HttpStatusCode.UnprocessableEntity, "bid.group-unverified");
    }

    [Fact]
    public async Task AGroupWithoutCityCertificationCannotBidWhereItIsRequired()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var task = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        var uncertified = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);

        var bid = await uncertified.Http.PostAsJsonAsync($"/api/tasks/{task.Id}/bids", Requests.Bid(10_000));

        await ProblemAssert.HasCodeAsync(bid, HttpStatusCode.UnprocessableEntity, "bid.certification-required");
    }

    /// <summary>An open 高津区 clean-up by 溝口一丁目町内会 with one ¥12,345 bid by たまがわクリーンサポート.</summary>
    private async Task<(TaskDetailDto Task, Features.Bids.BidDto Bid, ApiClient Bidder)> OpenTaskWithBidAsync()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var bidder = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var bid = await bidder.BidAsync(task.Id, 12_345);
        return (task, bid, bidder);
    }
}
