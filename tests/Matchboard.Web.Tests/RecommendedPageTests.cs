using System.Net;
using System.Text.RegularExpressions;
using Matchboard.Domain;
using Matchboard.Web.Features.Matching;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>"Recommended for us / おすすめの仕事": the civic group's start page and the full ranked page (/Matches), over HTTP.</summary>
public sealed partial class RecommendedPageTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    private async Task PostTasksAsync(int count, string category, string ward)
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        for (var i = 0; i < count; i++)
        {
            var request = Requests.WatchOverTask(factory.Clock.GetUtcNow());
            request["category"] = category;
            request["ward"] = ward;
            request["insuranceRequired"] = false;
            await officer.PostTaskAsync(request);
        }
    }

    private async Task<PagedResult<TaskMatchDto>> ApiMatchesAsync(string query)
    {
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        group.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja");
        return await group.GetAsync<PagedResult<TaskMatchDto>>("/api/matches/tasks?" + query);
    }

    /// <summary>The cards of a page in order: each task's id and the reasons shown beside it (code, words).</summary>
    private static List<(int TaskId, List<(string Code, string Text)> Reasons)> Cards(string html)
    {
        var starts = CardPattern().Matches(html).ToList();
        return starts.Select((m, i) =>
        {
            var end = i + 1 < starts.Count ? starts[i + 1].Index : html.Length;
            var card = html[m.Index..end];
            var reasons = ReasonPattern().Matches(card)
                .Select(r => (r.Groups[1].Value, WebUtility.HtmlDecode(r.Groups[2].Value).Trim())).ToList();
            return (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), reasons);
        }).ToList();
    }

    /// <summary>The reasons a card should show: those that gave points, largest first, ties in the rubric's order.</summary>
    private static List<(string Code, string Text)> TopReasons(TaskMatchDto match, int count) =>
        match.Reasons.Select((r, i) => (r, i)).Where(p => p.r.Points > 0)
            .OrderByDescending(p => p.r.Points).ThenBy(p => p.i).Take(count)
            .Select(p => (p.r.Code, p.r.Text)).ToList();

    [Fact]
    public async Task TheGroupsStartPageListsTheApisFirstFiveInOrderWithTheirTopReasons()
    {
        await PostTasksAsync(6, Categories.WatchOver, Wards.Nakahara);
        var page = await PageClient.CreateAsync(factory, DemoAccounts.MimamoriStaff);

        var html = await page.Http.GetStringAsync("/");
        var api = await ApiMatchesAsync("page=1&pageSize=5");

        Assert.Contains("おすすめの仕事", html);
        var section = html[html.IndexOf("id=\"home-recommended\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        var cards = Cards(section);
        Assert.Equal(5, cards.Count);
        Assert.Equal(api.Items.Select(m => m.Task.Id), cards.Select(c => c.TaskId));
        foreach (var (card, match) in cards.Zip(api.Items))
        {
            Assert.Equal(TopReasons(match, 3), card.Reasons);
            Assert.NotEmpty(card.Reasons);
            Assert.Contains($"合う度合い：{match.Score}点", WebUtility.HtmlDecode(section));
        }

        Assert.Contains($"おすすめの依頼をすべて見る（{api.Total}件）", section);
        Assert.Contains("href=\"/Matches\"", section);
    }

    [Fact]
    public async Task TheFullPageFollowsTheRankingPageByPageAndFiltersLikeTheBoard()
    {
        await PostTasksAsync(11, Categories.WatchOver, Wards.Nakahara);
        await PostTasksAsync(1, Categories.WatchOver, Wards.Takatsu);
        var page = await PageClient.CreateAsync(factory, DemoAccounts.MimamoriStaff);

        var first = Cards(await page.Http.GetStringAsync("/Matches"));
        var secondHtml = await page.Http.GetStringAsync("/Matches?p=2");
        var second = Cards(secondHtml);

        var api = await ApiMatchesAsync("pageSize=20");
        Assert.Equal(api.Items.Take(10).Select(m => m.Task.Id), first.Select(c => c.TaskId));
        Assert.Equal(api.Items.Skip(10).Take(10).Select(m => m.Task.Id), second.Select(c => c.TaskId));
        Assert.Equal(TopReasons(api.Items[10], 3), second[0].Reasons);
        Assert.Contains("2 / ", secondHtml);
        Assert.Contains("rel=\"prev\"", secondHtml);

        var takatsu = Cards(await page.Http.GetStringAsync("/Matches?ward=takatsu&category=watch-over&pay=fee&within=30"));
        var apiTakatsu = await ApiMatchesAsync("ward=takatsu&category=watch-over&volunteer=false&deadlineWithinDays=30&pageSize=10");
        Assert.NotEmpty(takatsu);
        Assert.Equal(apiTakatsu.Items.Select(m => m.Task.Id), takatsu.Select(c => c.TaskId));
    }

    [Fact]
    public async Task AFilterThatFindsNothingSaysSoAndPointsToTheProfile()
    {
        var page = await PageClient.CreateAsync(factory, DemoAccounts.MimamoriStaff);

        var html = await page.Http.GetStringAsync("/Matches?ward=asao&category=cleanup");

        Assert.Empty(Cards(html));
        Assert.Contains("id=\"recommend-empty\"", html);
        Assert.Contains("href=\"/Organizations/Profile\"", html);
    }

    [Fact]
    public async Task OtherRolesSeeNoRecommendationsAndAreRefusedThePage()
    {
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);
        var city = await PageClient.CreateAsync(factory, DemoAccounts.CityStaff);
        var anonymous = await PageClient.CreateAsync(factory);

        foreach (var client in new[] { officer, city, anonymous })
        {
            var home = await client.Http.GetStringAsync("/");
            Assert.DoesNotContain("id=\"home-recommended\"", home);
            Assert.DoesNotContain("match-card", home);
        }

        AssertRefused(await officer.Http.GetAsync("/Matches"));
        AssertRefused(await city.Http.GetAsync("/Matches"));
        var signIn = await anonymous.Http.GetAsync("/Matches");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/Accounts/SignIn", signIn.Headers.Location!.OriginalString.Replace("http://localhost", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePageSpeaksEnglishToo()
    {
        var page = await PageClient.CreateAsync(factory, DemoAccounts.MimamoriStaff, "en");

        var html = await page.Http.GetStringAsync("/Matches");

        Assert.Contains("Recommended for us", html);
        Assert.NotEmpty(Cards(html));
        Assert.Contains("Fit: ", html);
    }

    /// <summary>A signed-in user without the role is sent to the 403 page (the cookie's access-denied path).</summary>
    private static void AssertRefused(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Forbidden)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Errors/403", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("<li class=\"card match-card\" data-task-id=\"(\\d+)\"")]
    private static partial Regex CardPattern();

    [GeneratedRegex("<li data-reason=\"([^\"]+)\">([^<]*)</li>")]
    private static partial Regex ReasonPattern();
}
