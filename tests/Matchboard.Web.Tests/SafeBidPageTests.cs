using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Matchboard.Web.Features.Bids;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>
/// A bid is confirmed before it is sent: shown exactly as it will go, with warnings (not refusals) for an amount
/// above the fee or a start after the task's; a start in the past or after the task ends is refused next to the field.
/// </summary>
public sealed class SafeBidPageTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task ThePreviewShowsTheBidAsItWillBeSentWithItsWarningsAndSavesNothing()
    {
        var task = await PostTaskAsync();
        var group = await PageClient.CreateAsync(factory, DemoAccounts.TamagawaStaff);

        var response = await group.PostFormAsync($"/Tasks/{task.Id}?handler=Preview", BidForm(task, amountYen: 25_000, startDaysAfterTask: 3));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"bid-confirmation\"", html);
        Assert.Contains("<dd id=\"preview-amount\">¥25,000</dd>", html);
        Assert.Contains("二人一組で、ごみ袋と軍手を持って清掃します。", html);
        Assert.Contains("<dd id=\"preview-staff\">4", html);
        Assert.Contains("data-warning=\"above-fee\"", html);
        Assert.Contains("data-warning=\"after-task-start\"", html);
        Assert.Contains("この内容で送る", html);
        Assert.Contains("修正する", html);
        Assert.Equal(HttpStatusCode.NotFound, (await (await GroupApiAsync()).Http.GetAsync($"/api/tasks/{task.Id}/bids/mine")).StatusCode);
    }

    [Fact]
    public async Task AWarnedBidCanStillBeSentFromTheConfirmation()
    {
        var task = await PostTaskAsync();
        var group = await PageClient.CreateAsync(factory, DemoAccounts.TamagawaStaff);
        var form = BidForm(task, amountYen: 25_000, startDaysAfterTask: 3);

        var sent = await group.PostFormAsync($"/Tasks/{task.Id}?handler=Bid", form);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var bid = await (await GroupApiAsync()).GetAsync<BidDto>($"/api/tasks/{task.Id}/bids/mine");
        Assert.Equal(25_000, bid.AmountYen);
        Assert.Equal(task.StartDate.AddDays(3), bid.EarliestStart);
    }

    [Fact]
    public async Task ABidWithinTheFeeFromTheTasksStartHasNoWarnings()
    {
        var task = await PostTaskAsync();
        var group = await PageClient.CreateAsync(factory, DemoAccounts.TamagawaStaff);

        var html = await (await group.PostFormAsync($"/Tasks/{task.Id}?handler=Preview", BidForm(task, amountYen: 20_000))).Content.ReadAsStringAsync();

        Assert.Contains("id=\"bid-confirmation\"", html);
        Assert.DoesNotContain("id=\"bid-warnings\"", html);
    }

    [Theory]
    [InlineData(-100, "過ぎた日は選べません")]
    [InlineData(200, "依頼の終了日までの日付にしてください")]
    public async Task AnEarliestStartOutsideTheTaskIsRefusedNextToTheFieldWithoutAConfirmation(int daysAfterTaskStart, string message)
    {
        var task = await PostTaskAsync();
        var group = await PageClient.CreateAsync(factory, DemoAccounts.TamagawaStaff);

        var html = await (await group.PostFormAsync($"/Tasks/{task.Id}?handler=Preview", BidForm(task, 20_000, daysAfterTaskStart))).Content.ReadAsStringAsync();

        Assert.DoesNotContain("id=\"bid-confirmation\"", html);
        Assert.Matches($"id=\"Bid_EarliestStart-error\"[^>]*>[^<]*{message}", html);
        Assert.Contains("二人一組で、ごみ袋と軍手を持って清掃します。", html);
        Assert.Equal(HttpStatusCode.NotFound, (await (await GroupApiAsync()).Http.GetAsync($"/api/tasks/{task.Id}/bids/mine")).StatusCode);
    }

    [Fact]
    public async Task TheApiPreviewReturnsTheWarningsAndSavesNothing()
    {
        var task = await PostTaskAsync();
        var api = await GroupApiAsync();

        var response = await api.Http.PostAsJsonAsync($"/api/tasks/{task.Id}/bids/preview", Requests.Bid(25_000, earliestStart: task.StartDate.AddDays(3)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = (await response.Content.ReadFromJsonAsync<BidPreviewDto>(ApiClient.Json))!;
        Assert.Equal(25_000, preview.AmountYen);
        Assert.False(preview.IsRevision);
        Assert.Equal(["above-fee", "after-task-start"], preview.Warnings.Select(w => w.Code));
        Assert.All(preview.Warnings, w => Assert.Contains("このまま送ることもできます", w.Message));
        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.GetAsync($"/api/tasks/{task.Id}/bids/mine")).StatusCode);
    }

    [Fact]
    public async Task TheApiPreviewRefusesAStartInThePastLikeSendingWould()
    {
        var task = await PostTaskAsync();
        var api = await GroupApiAsync();

        var response = await api.Http.PostAsJsonAsync($"/api/tasks/{task.Id}/bids/preview", Requests.Bid(20_000, earliestStart: task.StartDate.AddDays(-100)));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(JsonValueKind.Array, problem.GetProperty("errors").GetProperty("earliestStart").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.GetAsync($"/api/tasks/{task.Id}/bids/mine")).StatusCode);
    }

    private Task<ApiClient> GroupApiAsync() => ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);

    private async Task<TaskDetailDto> PostTaskAsync()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        return await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
    }

    /// <summary>The clean-up task offers ¥20,000.</summary>
    private static Dictionary<string, string> BidForm(TaskDetailDto task, long amountYen, int startDaysAfterTask = 0) => new()
    {
        ["Bid.AmountYen"] = $"{amountYen}",
        ["Bid.Proposal"] = "二人一組で、ごみ袋と軍手を持って清掃します。",
        ["Bid.StaffPlanned"] = "4",
        ["Bid.EarliestStart"] = $"{task.StartDate.AddDays(startDaysAfterTask):yyyy-MM-dd}",
    };
}
