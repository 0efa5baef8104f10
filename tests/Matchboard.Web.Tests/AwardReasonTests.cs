using System.Net;
using Matchboard.Domain.Bids;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Features.Bids;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>The award's reason is public: at least 20 characters, with two good examples beside the field.</summary>
public sealed class AwardReasonTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Theory]
    [InlineData("ja", "20文字以上")]
    [InlineData("en", "at least 20 characters")]
    public async Task AShortReasonIsRefusedWithTheMinimumAndNothingChanges(string language, string message)
    {
        var (officer, task, bid) = await TaskAwaitingAwardAsync();
        officer.Http.DefaultRequestHeaders.AcceptLanguage.Clear();
        officer.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var award = await officer.AwardAsync(task.Id, bid.Id, rationale: "安いため");

        var problem = await ProblemAssert.IsProblemAsync(award, HttpStatusCode.BadRequest);
        Assert.Contains(message, problem.GetProperty("errors").GetProperty("rationale")[0].GetString());
        var after = await officer.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}");
        Assert.Null(after.Award);
        Assert.NotEqual(CommunityTaskStatus.Awarded, after.Status);
        Assert.All((await officer.GetAsync<TaskBidsDto>($"/api/tasks/{task.Id}/bids")).Bids, b => Assert.True(BidStatuses.IsLive(b.Status)));
    }

    [Fact]
    public async Task TheAwardFormShowsTwoExampleReasons()
    {
        var (_, task, _) = await TaskAwaitingAwardAsync();
        var page = await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer);

        var html = await page.Http.GetStringAsync($"/Tasks/{task.Id}");

        Assert.Contains("id=\"rationale-examples\"", html);
        Assert.Contains("中原区での見守りの実績が5年あり、訪問の記録を毎回残す計画が具体的だったため。", html);
        Assert.Contains("2人1組で訪問し", html);
    }

    [Fact]
    public async Task AShortReasonOnThePageIsRefusedBeforeTheConfirmationStep()
    {
        var (officer, task, bid) = await TaskAwaitingAwardAsync();
        var page = await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer);

        var response = await page.PostFormAsync($"/Tasks/{task.Id}?handler=Award", new()
        {
            ["Award.BidId"] = $"{bid.Id}",
            ["Award.Rationale"] = "安いため",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("id=\"award-confirmation\"", html);
        Assert.Contains("決定理由は20文字以上で", html);
        Assert.Contains("安いため", html);
        Assert.Null((await officer.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}")).Award);
    }

    private async Task<(ApiClient Officer, TaskDetailDto Task, BidDto Bid)> TaskAwaitingAwardAsync()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var bid = await (await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff)).BidAsync(task.Id, 10_000);
        factory.Clock.Advance(TimeSpan.FromDays(4));
        return (officer, task, bid);
    }
}
