using System.Net;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Matchboard.Web.Tests.Infrastructure.VerificationSetup;

namespace Matchboard.Web.Tests;

/// <summary>
/// What each kind of organization may do before and after 市による確認: a group (or supporter) browses but neither
/// asks nor bids; an association drafts but does not publish. Refusals change nothing; pages do not offer the forms.
/// </summary>
public sealed class VerificationRightsTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task AnUnverifiedGroupMayBrowseButNeitherAskNorBidUntilVerified()
    {
        var task = await OpenTaskAsync();
        var (groupId, email) = await NewGroupAsync(factory);
        var group = await ApiClient.SignInAsync(factory, email);

        Assert.Equal(HttpStatusCode.OK, (await group.Http.GetAsync($"/api/tasks/{task.Id}")).StatusCode);
        await ProblemAssert.HasCodeAsync(await group.PostJsonAsync($"/api/tasks/{task.Id}/questions", new { text = "駐車場はありますか。" }),
            HttpStatusCode.UnprocessableEntity, "question.group-unverified");
        await ProblemAssert.HasCodeAsync(await group.PostJsonAsync($"/api/tasks/{task.Id}/bids", Requests.Bid(15_000)),
            HttpStatusCode.UnprocessableEntity, "bid.group-unverified");
        Assert.Equal((0, 0), await QuestionsAndBidsOfAsync(groupId));

        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        await DecideOkAsync(city, groupId, VerificationOutcome.Verified);
        // The task requires insurance: a new group declares its own before bidding (InsuranceAndCapacityTests).
        Assert.True((await group.PutJsonAsync("/api/organizations/me/insurance", new { insurer = "損保ジャパン", validUntil = task.StartDate.AddDays(30) })).IsSuccessStatusCode);

        Assert.Equal(HttpStatusCode.Created, (await group.PostJsonAsync($"/api/tasks/{task.Id}/questions", new { text = "駐車場はありますか。" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await group.PostJsonAsync($"/api/tasks/{task.Id}/bids", Requests.Bid(15_000))).StatusCode);
        Assert.Equal((1, 1), await QuestionsAndBidsOfAsync(groupId));
    }

    [Fact]
    public async Task ASuspendedGroupCanNoLongerAskOrBid()
    {
        var task = await OpenTaskAsync();
        var (groupId, email) = await NewGroupAsync(factory);
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        await DecideOkAsync(city, groupId, VerificationOutcome.Verified);

        await DecideOkAsync(city, groupId, VerificationOutcome.Suspended, "活動の実態が確認できませんでした。");

        var group = await ApiClient.SignInAsync(factory, email);
        await ProblemAssert.HasCodeAsync(await group.PostJsonAsync($"/api/tasks/{task.Id}/bids", Requests.Bid(15_000)),
            HttpStatusCode.UnprocessableEntity, "bid.group-unverified");
        await ProblemAssert.HasCodeAsync(await group.PostJsonAsync($"/api/tasks/{task.Id}/questions", new { text = "駐車場はありますか。" }),
            HttpStatusCode.UnprocessableEntity, "question.group-unverified");
        Assert.Equal((0, 0), await QuestionsAndBidsOfAsync(groupId));
    }

    [Fact]
    public async Task AnUnverifiedGroupIsNotOfferedTheFormsButShownHowToGetVerified()
    {
        var task = await OpenTaskAsync();
        var (_, email) = await NewGroupAsync(factory);
        var page = await PageClient.CreateAsync(factory, email);

        var html = await page.Http.GetStringAsync($"/Tasks/{task.Id}");

        Assert.DoesNotContain("name=\"Ask.Text\"", html);
        Assert.DoesNotContain("id=\"bid-form\"", html);
        Assert.Contains("id=\"ask-after-verification\"", html);
        Assert.Contains("id=\"verification-notice\"", html);
        Assert.Contains("href=\"/Organizations/Verification\"", html);
        var how = await page.Http.GetStringAsync("/Organizations/Verification");
        Assert.Contains("市が確かめること", how);
        Assert.Contains("5MB", how);
        Assert.Contains("044-200-0000", how);
    }

    [Fact]
    public async Task AVerifiedMemberSeesNoVerificationNotice()
    {
        var page = await PageClient.CreateAsync(factory, DemoAccounts.MimamoriStaff);

        Assert.DoesNotContain("id=\"verification-notice\"", await page.Http.GetStringAsync("/Tasks"));
    }

    [Fact]
    public async Task TheNoticeSaysWhatIsPendingInEnglishToo()
    {
        var (_, email) = await NewGroupAsync(factory);
        var page = await PageClient.CreateAsync(factory, email, "en");

        var html = await page.Http.GetStringAsync("/Tasks");

        Assert.Contains("waiting for the city&#x27;s verification", html);
        Assert.Contains("Asking questions and bidding come after verification", html);
    }

    [Fact]
    public async Task AnUnverifiedAssociationDraftsButMayNotPublishUntilVerified()
    {
        var (associationId, email) = await NewAssociationAsync(factory);
        var officer = await ApiClient.SignInAsync(factory, email);
        var now = factory.Clock.GetUtcNow();

        var body = Requests.CleanupTask(now);
        body["publish"] = false;
        var draft = await officer.PostTaskAsync(body);
        Assert.Equal(CommunityTaskStatus.Draft, draft.Status);
        await ProblemAssert.HasCodeAsync(await officer.PostJsonAsync($"/api/tasks/{draft.Id}/publish", null),
            HttpStatusCode.UnprocessableEntity, "task.association-unverified");
        await ProblemAssert.HasCodeAsync(await officer.PostJsonAsync("/api/tasks", Requests.CleanupTask(now)),
            HttpStatusCode.UnprocessableEntity, "task.association-unverified");
        var tasks = await ReadAsync(factory, db => db.Tasks.AsNoTracking().Where(t => t.AssociationId == associationId).ToListAsync());
        Assert.Equal([CommunityTaskStatus.Draft], tasks.Select(t => t.Status));

        var page = await PageClient.CreateAsync(factory, email);
        var html = await page.Http.GetStringAsync($"/Tasks/{draft.Id}");
        Assert.DoesNotContain("id=\"publish-task\"", html);
        Assert.Contains("id=\"publish-after-verification\"", html);

        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        await DecideOkAsync(city, associationId, VerificationOutcome.Verified);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostJsonAsync($"/api/tasks/{draft.Id}/publish", null)).StatusCode);
    }

    [Fact]
    public async Task AnUnverifiedSupporterNeitherAsksNorBids()
    {
        var task = await OpenTaskAsync();
        var (supporterId, email) = await NewSupporterAsync(factory);
        var supporter = await ApiClient.SignInAsync(factory, email);

        Assert.Equal(HttpStatusCode.OK, (await supporter.Http.GetAsync($"/api/tasks/{task.Id}")).StatusCode);
        Assert.False((await supporter.PostJsonAsync($"/api/tasks/{task.Id}/questions", new { text = "駐車場はありますか。" })).IsSuccessStatusCode);
        Assert.False((await supporter.PostJsonAsync($"/api/tasks/{task.Id}/bids", Requests.Bid(15_000))).IsSuccessStatusCode);
        Assert.Equal((0, 0), await QuestionsAndBidsOfAsync(supporterId));
    }

    private async Task<TaskDetailDto> OpenTaskAsync()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        return await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
    }

    private Task<(int, int)> QuestionsAndBidsOfAsync(int organizationId) => ReadAsync(factory, async db =>
        (await db.Questions.CountAsync(q => q.GroupId == organizationId), await db.Bids.CountAsync(b => b.GroupId == organizationId)));
}
