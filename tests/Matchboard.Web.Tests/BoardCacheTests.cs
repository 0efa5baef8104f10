using System.Net;
using System.Net.Http.Json;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// The anonymous board is one cached copy per URL and language, dropped whenever a task changes, never served to (nor
/// made from) a signed-in member, and free of antiforgery tokens so that one copy fits every visitor.
/// A cached answer carries an Age header; a title changed behind EF's back (no save, so no eviction) shows what was served.
/// </summary>
public sealed class BoardCacheTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task ASecondAnonymousRequestIsServedFromTheCacheWithoutReadingTheDatabase()
    {
        var (_, task) = await PublishAsync();
        var url = BoardUrl("takatsu", "first");
        var first = await factory.CreateClient().GetAsync(url);
        await RetitleBehindTheCacheAsync(task.Id, "キャッシュの外で変えた題名");

        var second = await factory.CreateClient().GetAsync(url);

        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Contains(task.Title, await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PublishingATaskShowsItOnTheCachedBoardAtOnce()
    {
        var url = BoardUrl("takatsu", "publish");
        var before = await BoardAsync(url);

        var (_, task) = await PublishAsync();

        Assert.DoesNotContain(before.Items, t => t.Id == task.Id);
        Assert.Contains((await BoardAsync(url)).Items, t => t.Id == task.Id);
    }

    [Fact]
    public async Task EditingATaskShowsTheNewTitleOnTheCachedBoardAtOnce()
    {
        var (officer, task) = await PublishAsync();
        var url = BoardUrl("takatsu", "edit");
        await BoardAsync(url);
        var body = Requests.CleanupTask(factory.Clock.GetUtcNow());
        body.Remove("publish");
        body["title"] = "公園の清掃に変更";

        (await officer.Http.PutAsJsonAsync($"/api/tasks/{task.Id}", body)).EnsureSuccessStatusCode();

        Assert.Equal("公園の清掃に変更", Assert.Single((await BoardAsync(url)).Items, t => t.Id == task.Id).Title);
    }

    [Fact]
    public async Task CancellingATaskTakesItOffTheCachedBoardAndTheCachedPageAtOnce()
    {
        var (officer, task) = await PublishAsync();
        var url = BoardUrl("takatsu", "cancel");
        var page = "/Tasks?ward=takatsu&q=" + Uri.EscapeDataString(task.Title);
        Assert.Contains((await BoardAsync(url)).Items, t => t.Id == task.Id);
        Assert.Contains($"data-task-id=\"{task.Id}\"", await factory.CreateClient().GetStringAsync(page));

        (await officer.Http.PostAsync($"/api/tasks/{task.Id}/cancel", null)).EnsureSuccessStatusCode();

        Assert.DoesNotContain((await BoardAsync(url)).Items, t => t.Id == task.Id);
        Assert.DoesNotContain($"data-task-id=\"{task.Id}\"", await factory.CreateClient().GetStringAsync(page));
    }

    [Fact]
    public async Task ATaskPastItsDeadlineLeavesTheBoardAsTheClockMovesWithoutAnySave()
    {
        var (_, task) = await PublishAsync();
        var url = BoardUrl("takatsu", "deadline");
        Assert.Contains((await BoardAsync(url)).Items, t => t.Id == task.Id);

        factory.Clock.Advance(TimeSpan.FromDays(4));

        Assert.DoesNotContain((await BoardAsync(url)).Items, t => t.Id == task.Id);
    }

    [Fact]
    public async Task ASignedInMemberIsNeverServedTheAnonymousCopyNorCached()
    {
        var (_, task) = await PublishAsync();
        var url = BoardUrl("takatsu", "member");
        await factory.CreateClient().GetAsync(url);
        await factory.CreateClient().GetAsync("/Tasks?ward=takatsu&p=1");
        await RetitleBehindTheCacheAsync(task.Id, "会員には今の題名");
        var member = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var page = await PageClient.CreateAsync(factory, DemoAccounts.TamagawaStaff);

        var api = await member.Http.GetAsync(url);
        var html = await page.Http.GetAsync("/Tasks?ward=takatsu&p=1");
        var again = await member.Http.GetAsync(url);

        Assert.Null(api.Headers.Age);
        Assert.Null(again.Headers.Age);
        Assert.Null(html.Headers.Age);
        Assert.Contains("会員には今の題名", await api.Content.ReadAsStringAsync());
        Assert.Contains("signed-in-as", await html.Content.ReadAsStringAsync());
        // And the anonymous copy is still the one made before the change, untouched by the members' requests.
        Assert.DoesNotContain("会員には今の題名", await factory.CreateClient().GetStringAsync(url));
    }

    [Fact]
    public async Task TheAnonymousBoardPageCarriesNoAntiforgeryTokenAndSetsNoCookie()
    {
        var response = await factory.CreateClient().GetAsync("/Tasks?ward=asao");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("__RequestVerificationToken", html);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("href=\"/Language?culture=en&amp;returnUrl=%2FTasks%3Fward%3Dasao\"", html);
    }

    [Fact]
    public async Task EachLanguageHasItsOwnCachedCopy()
    {
        var japanese = await PageClient.CreateAsync(factory, language: "ja");
        var english = await PageClient.CreateAsync(factory, language: "en");
        var byCookie = factory.CreateClient();
        byCookie.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        var ja = await japanese.Http.GetStringAsync("/Tasks?ward=kawasaki");
        var en = await english.Http.GetStringAsync("/Tasks?ward=kawasaki");
        var cookie = await byCookie.GetAsync("/Tasks?ward=kawasaki");

        Assert.Contains("<html lang=\"ja\"", ja);
        Assert.Contains("<html lang=\"en\"", en);
        Assert.Contains("<html lang=\"en\"", await cookie.Content.ReadAsStringAsync());
        Assert.NotNull(cookie.Headers.Age);
    }

    [Fact]
    public async Task TheLanguageLinkSwitchesTheLanguageAndReturnsToThePage()
    {
        var client = await PageClient.CreateAsync(factory);

        var response = await client.Http.GetAsync("/Language?culture=en&returnUrl=%2FTasks%3Fward%3Dasao");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Tasks?ward=asao", response.Headers.Location?.OriginalString);
        Assert.Contains("<html lang=\"en\"", await client.Http.GetStringAsync("/Tasks?ward=asao"));
    }

    /// <summary>The API board for a ward; <paramref name="variant"/> keeps each test's cached copy its own.</summary>
    private static string BoardUrl(string ward, string variant) => $"/api/tasks?ward={ward}&pageSize=100&q=&v={variant}";

    private async Task<PagedResult<TaskSummaryDto>> BoardAsync(string url) =>
        (await factory.CreateClient().GetFromJsonAsync<PagedResult<TaskSummaryDto>>(url, ApiClient.Json))!;

    private async Task<(ApiClient Officer, TaskDetailDto Task)> PublishAsync()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        return (officer, await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow())));
    }

    /// <summary>Changes a title with a bulk update: no SaveChanges, so nothing evicts the cache.</summary>
    private async Task RetitleBehindTheCacheAsync(int taskId, string title)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        await db.Tasks.Where(t => t.Id == taskId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Title, title));
    }
}
