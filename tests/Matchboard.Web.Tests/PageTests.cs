using System.Net;
using System.Net.Http.Json;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>The server-rendered pages over plain HTTP: language, sign-in, antiforgery, sealed bids.</summary>
public sealed class PageTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task PagesAreInJapaneseByDefault()
    {
        var http = factory.CreateClient();

        var html = await http.GetStringAsync("/Tasks");

        Assert.Contains("<html lang=\"ja\"", html);
        Assert.Contains("依頼", html);
    }

    [Fact]
    public async Task EnglishFollowsAcceptLanguageAndTheLanguageCookie()
    {
        var byHeader = await PageClient.CreateAsync(factory, language: "en-US");
        var byCookie = factory.CreateClient();
        byCookie.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        Assert.Contains("<html lang=\"en\"", await byHeader.Http.GetStringAsync("/Tasks"));
        Assert.Contains("<html lang=\"en\"", await byCookie.GetStringAsync("/Tasks"));
    }

    [Fact]
    public async Task TheBoardsDeadlineFilterShowsOnlyTasksDueSoon()
    {
        var http = factory.CreateClient();
        var dueSoon = await factory.CreateClient().GetFromJsonAsync<Features.Tasks.PagedResult<Features.Tasks.TaskSummaryDto>>(
            "/api/tasks?deadlineWithinDays=7&pageSize=100", ApiClient.Json);

        var html = await http.GetStringAsync("/Tasks?within=7");

        var shown = System.Text.RegularExpressions.Regex.Matches(html, "data-task-id=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(shown);
        Assert.Equal(dueSoon!.Items.Select(t => t.Id).Take(10).Order(), shown.Order());
    }

    [Theory]
    [InlineData("/lib/signalr/signalr.min.js")]
    [InlineData("/js/live.js")]
    [InlineData("/css/site.css")]
    public async Task ScriptsAndStylesAreSentCompressed(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd("br");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task PagesWithAntiforgeryTokensAreNotCompressed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Accounts/SignIn");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Contains("__RequestVerificationToken", await response.Content.ReadAsStringAsync());
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task OfficerPagesSendAnonymousVisitorsToSignIn()
    {
        var anonymous = await PageClient.CreateAsync(factory);

        var response = await anonymous.Http.GetAsync("/Tasks/New");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Accounts/SignIn", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AFormPostWithoutItsAntiforgeryTokenIsRefused()
    {
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);

        var response = await officer.Http.PostAsync("/Tasks/New", new FormUrlEncodedContent(new Dictionary<string, string> { ["Task.Title"] = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AWrongPasswordShowsAnErrorAndSignsNobodyIn()
    {
        var visitor = await PageClient.CreateAsync(factory);

        var response = await visitor.PostFormAsync("/Accounts/SignIn", new() { ["Email"] = DemoAccounts.KizukiOfficer, ["Password"] = "wrong" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("error-summary", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.Http.GetAsync("/Tasks/Mine")).StatusCode);
    }

    [Fact]
    public async Task TheTaskPageShowsBidsOnlyToThePostingAssociation()
    {
        var api = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await api.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var bidder = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        await bidder.BidAsync(task.Id, 43_210, "高圧洗浄機を持ち込んで丁寧に清掃します。");
        var owner = await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var otherGroup = await PageClient.CreateAsync(factory, DemoAccounts.MimamoriStaff);
        var anonymous = await PageClient.CreateAsync(factory);

        var sealedOwnerView = await owner.Http.GetStringAsync($"/Tasks/{task.Id}");
        // Sealed from the posting association too until the deadline: then it alone sees them.
        factory.Clock.Advance(TimeSpan.FromDays(4));
        var ownerView = await owner.Http.GetStringAsync($"/Tasks/{task.Id}");

        Assert.Contains("届いた提案：1件", sealedOwnerView);
        Assert.DoesNotContain("43,210", sealedOwnerView);
        Assert.DoesNotContain("高圧洗浄機を持ち込んで", sealedOwnerView);
        Assert.Contains("43,210", ownerView);
        Assert.Contains("高圧洗浄機を持ち込んで", ownerView);
        foreach (var view in new[] { await otherGroup.Http.GetStringAsync($"/Tasks/{task.Id}"), await anonymous.Http.GetStringAsync($"/Tasks/{task.Id}") })
        {
            Assert.Contains(task.Title, view);
            Assert.DoesNotContain("43,210", view);
            Assert.DoesNotContain("高圧洗浄機を持ち込んで", view);
            Assert.DoesNotContain("bid-list", view);
        }
    }
}
