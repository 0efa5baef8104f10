using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Matchboard.Web.Tests;

/// <summary>Signing out ends the session: cookies, bearer tokens and refresh tokens stop working.</summary>
public sealed class SessionTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task ACookieReplayedAfterSignOutIsRefused()
    {
        var cookies = new CookieContainerHandler();
        var page = new PageClient(factory.CreateDefaultClient(cookies));
        Assert.Equal(HttpStatusCode.Redirect, (await page.PostFormAsync("/Accounts/SignIn", new() { ["Email"] = DemoAccounts.KizukiOfficer, ["Password"] = DemoAccounts.Password })).StatusCode);
        var cookie = cookies.Container.GetCookieHeader(factory.Server.BaseAddress);
        var contract = await AContractOfKizukiAsync();
        var replay = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        var meBefore = await replay.GetAsync("/api/me");
        var contractBefore = await replay.GetAsync($"/api/contracts/{contract}");

        var signOut = await page.PostFormAsync("/Accounts/SignOut", new());
        var meAfter = await replay.GetAsync("/api/me");
        var contractAfter = await replay.GetAsync($"/api/contracts/{contract}");
        var pageAfter = await replay.GetAsync($"/Contracts/{contract}");

        Assert.Equal(HttpStatusCode.OK, meBefore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, contractBefore.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, meAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, contractAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, pageAfter.StatusCode);
        Assert.Contains("/Accounts/SignIn", pageAfter.Headers.Location!.ToString());
    }

    [Fact]
    public async Task SigningOutOnOnePageLeavesTheSameUsersOtherSessionsSignedIn()
    {
        var here = await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var there = await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var (api, _) = await LoginAsync(DemoAccounts.MizonokuchiOfficer);

        await here.PostFormAsync("/Accounts/SignOut", new());

        Assert.Equal(HttpStatusCode.Unauthorized, (await here.Http.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await there.Http.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task ARefreshTokenWorksOnceAndItsReplacementWorksNext()
    {
        var (_, tokens) = await LoginAsync(DemoAccounts.MimamoriStaff);
        var anonymous = factory.CreateClient();

        var first = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
        var again = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Unauthorized);
        var rotated = await first.Content.ReadFromJsonAsync<Tokens>();
        Assert.NotEqual(tokens.RefreshToken, rotated!.RefreshToken);
    }

    [Fact]
    public async Task AReusedRefreshTokenEndsTheSessionItCameFrom()
    {
        var (_, tokens) = await LoginAsync(DemoAccounts.MimamoriStaff);
        var anonymous = factory.CreateClient();
        var rotated = await (await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken })).Content.ReadFromJsonAsync<Tokens>();

        await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
        var thief = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = rotated!.RefreshToken });
        var access = Bearer(rotated.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, thief.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await access.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task TwoRefreshesWithOneTokenAtOnceGiveOneNewPair()
    {
        var (_, tokens) = await LoginAsync(DemoAccounts.TamagawaStaff);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            factory.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken })));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
    }

    [Fact]
    public async Task BearerLogoutRevokesTheRefreshTokenAndTheAccessToken()
    {
        var (api, tokens) = await LoginAsync(DemoAccounts.UnverifiedStaff);

        var logout = await api.PostAsync("/api/auth/logout", null);
        var refresh = await factory.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
        var me = await api.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task SigningOutEverywhereEndsEveryCookieTokenAndRefreshTokenOfTheUser()
    {
        var (phone, _) = await LoginAsync(DemoAccounts.CityStaff);
        var (tablet, tabletTokens) = await LoginAsync(DemoAccounts.CityStaff);
        var browser = await PageClient.CreateAsync(factory, DemoAccounts.CityStaff);
        var (someoneElse, _) = await LoginAsync(DemoAccounts.KizukiOfficer);

        var everywhere = await phone.PostAsync("/api/auth/logout-everywhere", null);

        Assert.Equal(HttpStatusCode.NoContent, everywhere.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tablet.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Http.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await factory.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tabletTokens.RefreshToken })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await someoneElse.GetAsync("/api/me")).StatusCode);
        var again = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = DemoAccounts.CityStaff, password = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    private async Task<(HttpClient Client, Tokens Tokens)> LoginAsync(string email)
    {
        var login = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = DemoAccounts.Password });
        login.EnsureSuccessStatusCode();
        var tokens = (await login.Content.ReadFromJsonAsync<Tokens>())!;
        return (Bearer(tokens.AccessToken), tokens);
    }

    private HttpClient Bearer(string accessToken)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private async Task<int> AContractOfKizukiAsync()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var page = await officer.GetAsync<JsonElement>("/api/tasks?mine=true&status=Awarded");
        var taskId = page.GetProperty("items")[0].GetProperty("id").GetInt32();
        var task = await officer.GetAsync<JsonElement>($"/api/tasks/{taskId}");
        return task.GetProperty("award").GetProperty("contractId").GetInt32();
    }

    public sealed record Tokens(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
}
