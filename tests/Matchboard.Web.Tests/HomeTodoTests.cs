using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// The home page's to-do list over HTTP: each line counts what the seed (and the test's own actions) leave
/// waiting, and links to where it is done. No clock moves here: seeded deadlines stay where the seed put them.
/// </summary>
public sealed class HomeTodoTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    internal const string LifeSupportStaff = "staff.lifesupport@example.jp";

    [Fact]
    public async Task AnOfficersHomeShowsOpenAlertsFirstThenWhatWaitsWithTheSeedsCounts()
    {
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);

        var html = await officer.Http.GetStringAsync("/");

        // 木月三丁目: one closed task with two live bids; its one question is answered; both contracts are signed.
        Assert.Equal(1, Todo.Count(html, "decide"));
        Assert.Equal("/Tasks/Mine#state-Closed", Todo.Link(html, "decide"));
        Assert.Equal(0, Todo.Count(html, "questions"));
        Assert.Null(Todo.Link(html, "questions"));
        Assert.Equal(0, Todo.Count(html, "sign"));
        Assert.Contains("回答する質問</span> <span class=\"todo-count todo-none\">ありません", html);
        Assert.Contains("依頼先を決める依頼（締切済み）</span> <span class=\"todo-count\">1件", html);

        // The seeded concern report's alert stays the first thing on the page.
        Assert.InRange(html.IndexOf("id=\"home-alerts\"", StringComparison.Ordinal), 0, html.IndexOf("id=\"todo\"", StringComparison.Ordinal));
        Assert.DoesNotContain("data-todo=\"closing-soon\"", html);
    }

    [Fact]
    public async Task TheDecideLineLeadsToTheTaskWaitingOnMine()
    {
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);
        var taskId = await TaskIdAsync("町内会だより・回覧板の配布（月2回）");

        var mine = await officer.Http.GetStringAsync("/Tasks/Mine");

        var closed = mine[mine.IndexOf("data-status=\"Closed\"", StringComparison.Ordinal)..];
        closed = closed[..closed.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains($"data-task-id=\"{taskId}\"", closed);
    }

    [Fact]
    public async Task AGroupsQuestionRaisesTheOfficersQuestionsToAnswerUntilItIsAnswered()
    {
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var officerApi = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var taskId = await TaskIdAsync("溝口駅周辺の歩道と植え込みの清掃（月1回・3回）");
        var before = Todo.Count(await officer.Http.GetStringAsync("/"), "questions");
        var unansweredBefore = MineRow.Unanswered(await officer.Http.GetStringAsync("/Tasks/Mine"), taskId);

        var question = await WorkSetup.PostOkAsync<QuestionDto>(group, $"/api/tasks/{taskId}/questions", new { text = "道具はお借りできますか。" });

        var home = await officer.Http.GetStringAsync("/");
        Assert.Equal(before + 1, Todo.Count(home, "questions"));
        Assert.Equal("/Tasks/Mine#state-Open", Todo.Link(home, "questions"));
        Assert.Equal(unansweredBefore + 1, MineRow.Unanswered(await officer.Http.GetStringAsync("/Tasks/Mine"), taskId));

        await WorkSetup.PostOkAsync<QuestionDto>(officerApi, $"/api/questions/{question.Id}/answer", new { answer = "ほうきとごみ袋をお貸しします。" });

        Assert.Equal(before, Todo.Count(await officer.Http.GetStringAsync("/"), "questions"));
        Assert.Equal(unansweredBefore, MineRow.Unanswered(await officer.Http.GetStringAsync("/Tasks/Mine"), taskId));
    }

    [Fact]
    public async Task MineCountsReceivedBidsSoAWithdrawnBidDropsOut()
    {
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var openTask = await TaskIdAsync("一人暮らし高齢者の見守り訪問（週1回）");
        var closedTask = await TaskIdAsync("町内会だより・回覧板の配布（月2回）");
        var mine = await officer.Http.GetStringAsync("/Tasks/Mine");
        Assert.Equal(1, MineRow.Bids(mine, openTask));
        Assert.Equal(2, MineRow.Bids(mine, closedTask));
        Assert.Equal(0, MineRow.Unanswered(mine, openTask));

        var withdrawn = await group.Http.DeleteAsync($"/api/tasks/{openTask}/bids/mine");

        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        Assert.Equal(0, MineRow.Bids(await officer.Http.GetStringAsync("/Tasks/Mine"), openTask));
    }

    [Fact]
    public async Task AGroupsHomeCountsMatchingTasksClosingSoonAsTheBoardListsThem()
    {
        var group = await PageClient.CreateAsync(factory, DemoAccounts.TamagawaStaff);
        var api = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var board = await api.GetAsync<PagedResult<TaskSummaryDto>>("/api/tasks?matching=true&deadlineWithinDays=7&pageSize=100");

        var html = await group.Http.GetStringAsync("/");

        // 溝口's clean-up (deadline in six days) at least; 二子's event is in or out by the hour of the day.
        Assert.InRange(board.Total, 1, 10);
        Assert.Equal(board.Total, Todo.Count(html, "closing-soon"));
        var link = Todo.Link(html, "closing-soon")!;
        Assert.Equal("/Tasks?matching=true&within=7", link);
        var listed = Regex.Matches(await group.Http.GetStringAsync(link), "data-task-id=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(board.Items.Select(t => t.Id).Order(), listed.Order());
        Assert.DoesNotContain("data-todo=\"decide\"", html);
    }

    [Fact]
    public async Task AGroupsHomeCountsContractsItHasToSignAndNoBidToConfirmWhileNoTaskChanged()
    {
        var group = await PageClient.CreateAsync(factory, LifeSupportStaff);

        var html = await group.Http.GetStringAsync("/");

        // かわさきライフサポート: live bids on one open task (渡田) and two closed ones, none changed since; chosen for 井田 and not yet signed.
        Assert.Equal(0, Todo.Count(html, "confirm"));
        Assert.Null(Todo.Link(html, "confirm"));
        Assert.Equal(1, Todo.Count(html, "sign"));
        Assert.Equal("/Contracts", Todo.Link(html, "sign"));
    }

    [Fact]
    public async Task AGroupsHomeCountsBidsWaitingForItsConfirmationAfterATaskChangeAndLinksToTheConfirmation()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var group = await PageClient.CreateAsync(factory, DemoAccounts.TamagawaStaff);
        var groupApi = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var body = Requests.CleanupTask(factory.Clock.GetUtcNow());
        var task = await officer.PostTaskAsync(body);
        await groupApi.BidAsync(task.Id, 10_000);
        var before = Todo.Count(await group.Http.GetStringAsync("/"), "confirm");

        // A change of title alone asks nothing of the bidders; a change of fee does.
        var edit = new Dictionary<string, object?>(body) { ["title"] = "駅前の歩道の清掃（月1回・朝）" };
        edit.Remove("publish");
        (await officer.Http.PutAsJsonAsync($"/api/tasks/{task.Id}", edit)).EnsureSuccessStatusCode();
        Assert.Equal(before, Todo.Count(await group.Http.GetStringAsync("/"), "confirm"));
        edit["feeYen"] = 30_000;
        (await officer.Http.PutAsJsonAsync($"/api/tasks/{task.Id}", edit)).EnsureSuccessStatusCode();

        var html = await group.Http.GetStringAsync("/");
        Assert.Equal(before + 1, Todo.Count(html, "confirm"));
        Assert.Contains("依頼が変更され、確認が必要な提案", html);
        var link = Todo.Link(html, "confirm")!;
        if (before == 0)
        {
            Assert.Equal($"/Tasks/{task.Id}#earlier-terms", link);
        }

        Assert.Contains("id=\"earlier-terms\"", await group.Http.GetStringAsync(link.Split('#')[0]));
        Assert.Contains($"href=\"/Tasks/{task.Id}#earlier-terms\"", await group.Http.GetStringAsync("/Bids/Mine"));

        var confirmed = await group.PostFormAsync($"/Tasks/{task.Id}?handler=ConfirmBid", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(before, Todo.Count(await group.Http.GetStringAsync("/"), "confirm"));
        Assert.DoesNotContain($"href=\"/Tasks/{task.Id}#earlier-terms\"", await group.Http.GetStringAsync("/Bids/Mine"));
    }

    [Fact]
    public async Task TheConfirmLineIsInEnglishToo()
    {
        var group = await PageClient.CreateAsync(factory, LifeSupportStaff, "en");

        Assert.Contains("Proposals to confirm after a task change", await group.Http.GetStringAsync("/"));
    }

    [Fact]
    public async Task AnonymousVisitorsAndCityStaffHaveNoToDoList()
    {
        var anonymous = await PageClient.CreateAsync(factory);
        var city = await PageClient.CreateAsync(factory, DemoAccounts.CityStaff);

        Assert.DoesNotContain("id=\"todo\"", await anonymous.Http.GetStringAsync("/"));
        Assert.DoesNotContain("id=\"todo\"", await city.Http.GetStringAsync("/"));
    }

    [Fact]
    public async Task TheToDoListIsInEnglishToo()
    {
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer, "en");

        var html = await officer.Http.GetStringAsync("/");

        Assert.Contains("What to do now", html);
        Assert.Contains("Questions to answer</span> <span class=\"todo-count todo-none\">None", html);
    }

    private async Task<int> TaskIdAsync(string title)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MatchboardDbContext>().Tasks.Where(t => t.Title == title).Select(t => t.Id).SingleAsync();
    }
}

/// <summary>Reads the to-do lines of the home page.</summary>
internal static class Todo
{
    public static int Count(string html, string key)
    {
        var match = Regex.Match(html, $"data-todo=\"{key}\" data-count=\"(\\d+)\"");
        Assert.True(match.Success, $"No to-do line {key}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The line's link, or null when it has nothing to do (and so no link).</summary>
    public static string? Link(string html, string key)
    {
        var match = Regex.Match(html, $"data-todo=\"{key}\" data-count=\"\\d+\">\\s*(?:<a href=\"([^\"]+)\")?");
        return match.Groups[1].Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }
}

/// <summary>Reads one task's counts on 「私たちの依頼」.</summary>
internal static class MineRow
{
    public static int Bids(string html, int taskId) => Read(html, taskId, "data-bid-count");

    public static int Unanswered(string html, int taskId) => Read(html, taskId, "data-unanswered-count");

    private static int Read(string html, int taskId, string attribute)
    {
        var row = html[html.IndexOf($"data-task-id=\"{taskId}\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</li>", StringComparison.Ordinal)];
        return int.Parse(Regex.Match(row, $"{attribute}=\"(\\d+)\"").Groups[1].Value, CultureInfo.InvariantCulture);
    }
}

/// <summary>The to-do lines that move with time: a class of its own, since it moves its host's clock.</summary>
public sealed class HomeTodoDeadlineTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task AnOpenTaskPastItsDeadlineWaitsForADecisionAndItsAwardAsksBothSidesToSign()
    {
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);
        var group = await PageClient.CreateAsync(factory, DemoAccounts.MimamoriStaff);
        var officerApi = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var groupApi = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var task = await officerApi.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        var bid = await groupApi.BidAsync(task.Id);
        var home = await officer.Http.GetStringAsync("/");
        var (decide, officerSign, groupSign) = (Todo.Count(home, "decide"), Todo.Count(home, "sign"), Todo.Count(await group.Http.GetStringAsync("/"), "sign"));

        // Past the deadline and not yet swept: waiting all the same (the one deadline rule).
        factory.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(decide + 1, Todo.Count(await officer.Http.GetStringAsync("/"), "decide"));

        var award = await officerApi.AwardAsync(task.Id, bid.Id, "中原区で3年の見守りの経験があり、訪問の計画が丁寧だったため決めました。");

        Assert.Equal(HttpStatusCode.OK, award.StatusCode);
        home = await officer.Http.GetStringAsync("/");
        Assert.Equal(decide, Todo.Count(home, "decide"));
        Assert.Equal(officerSign + 1, Todo.Count(home, "sign"));
        Assert.Equal(groupSign + 1, Todo.Count(await group.Http.GetStringAsync("/"), "sign"));
    }
}
