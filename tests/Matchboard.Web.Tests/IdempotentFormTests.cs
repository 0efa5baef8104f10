using System.Net;
using System.Text.RegularExpressions;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// A create form carries a key made when it was rendered: sending it twice (a double click, a resend after a slow
/// answer), one after the other or at once, creates once, and both answers lead to the same page.
/// </summary>
public sealed partial class IdempotentFormTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task ADoubleSubmittedBidCreatesOneBidAndBothLandOnTheTask()
    {
        var task = await PostTaskAsync();
        var group = await PageClient.CreateAsync(factory, DemoAccounts.TamagawaStaff);
        var form = BidForm(task);
        var preview = await (await group.PostFormAsync($"/Tasks/{task.Id}?handler=Preview", form)).Content.ReadAsStringAsync();
        form["IdempotencyKey"] = KeyIn(preview);

        var first = await group.PostFormAsync($"/Tasks/{task.Id}?handler=Bid", new(form));
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);
        var second = await group.PostFormAsync($"/Tasks/{task.Id}?handler=Bid", new(form));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal($"/Tasks/{task.Id}", first.Headers.Location?.OriginalString);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Single(await scope.ServiceProvider.GetRequiredService<MatchboardDbContext>().Bids.Where(b => b.TaskId == task.Id).ToListAsync());

        // The second answer's page shows the first one's message, not an error.
        var landed = await group.Http.GetStringAsync(second.Headers.Location!.OriginalString);
        Assert.Contains("提案を送りました", landed);
    }

    [Fact]
    public async Task TwoBidSubmissionsAtOnceCreateOneBidAndBothRedirectToTheTask()
    {
        var task = await PostTaskAsync();
        var group = await PageClient.CreateAsync(factory, DemoAccounts.TamagawaStaff);
        var form = BidForm(task);
        var preview = await (await group.PostFormAsync($"/Tasks/{task.Id}?handler=Preview", form)).Content.ReadAsStringAsync();
        form["IdempotencyKey"] = KeyIn(preview);
        form["__RequestVerificationToken"] = TokenPattern().Match(preview).Groups[1].Value;

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            group.Http.PostAsync($"/Tasks/{task.Id}?handler=Bid", new FormUrlEncodedContent(form))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.All(answers, a => Assert.Equal($"/Tasks/{task.Id}", a.Headers.Location?.OriginalString));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<MatchboardDbContext>().Bids.CountAsync(b => b.TaskId == task.Id));
    }

    [Fact]
    public async Task ADoubleSubmittedQuestionIsAskedOnce()
    {
        var task = await PostTaskAsync();
        var group = await PageClient.CreateAsync(factory, DemoAccounts.TamagawaStaff);
        var page = await group.Http.GetStringAsync($"/Tasks/{task.Id}");
        var form = new Dictionary<string, string> { ["Ask.Text"] = "雨の日はどうしますか。", ["IdempotencyKey"] = KeyIn(page) };

        var first = await group.PostFormAsync($"/Tasks/{task.Id}?handler=Ask", new(form));
        var second = await group.PostFormAsync($"/Tasks/{task.Id}?handler=Ask", new(form));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<MatchboardDbContext>().Questions.CountAsync(q => q.TaskId == task.Id));
    }

    [Fact]
    public async Task ADoubleSubmittedNewTaskIsSavedOnceAndBothLandOnIt()
    {
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);
        var form = Requests.CleanupTaskForm(factory.Clock.GetUtcNow());
        form["Input.Title"] = $"公園の清掃 {Guid.NewGuid():N}";
        var preview = await (await officer.PostFormAsync("/Tasks/New?handler=Preview", new(form))).Content.ReadAsStringAsync();
        form["IdempotencyKey"] = KeyIn(preview);
        form["publish"] = "true";

        var first = await officer.PostFormWithTokenOfAsync("/Tasks/New", "/Tasks/New?handler=Save", new(form));
        var second = await officer.PostFormWithTokenOfAsync("/Tasks/New", "/Tasks/New?handler=Save", new(form));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<MatchboardDbContext>().Tasks.CountAsync(t => t.Title == form["Input.Title"]));
    }

    [Fact]
    public async Task TheSameFormKeyWithOtherContentsShowsAMessageAndChangesNothing()
    {
        var task = await PostTaskAsync();
        var group = await PageClient.CreateAsync(factory, DemoAccounts.TamagawaStaff);
        var page = await group.Http.GetStringAsync($"/Tasks/{task.Id}");
        var key = KeyIn(page);
        await group.PostFormAsync($"/Tasks/{task.Id}?handler=Ask", new() { ["Ask.Text"] = "雨の日はどうしますか。", ["IdempotencyKey"] = key });
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var response = await group.PostFormAsync($"/Tasks/{task.Id}?handler=Ask", new() { ["Ask.Text"] = "道具は借りられますか。", ["IdempotencyKey"] = key });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("このフォームは別の内容ですでに送信されています", await response.Content.ReadAsStringAsync());
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    private async Task<TaskDetailDto> PostTaskAsync()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        return await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
    }

    private static Dictionary<string, string> BidForm(TaskDetailDto task) => new()
    {
        ["Bid.AmountYen"] = "18000",
        ["Bid.Proposal"] = "二人一組で、ごみ袋と軍手を持って清掃します。",
        ["Bid.StaffPlanned"] = "2",
        ["Bid.EarliestStart"] = $"{task.StartDate:yyyy-MM-dd}",
    };

    private static string KeyIn(string html)
    {
        var match = KeyPattern().Match(html);
        Assert.True(match.Success, "The form carries no idempotency key.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("name=\"IdempotencyKey\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
