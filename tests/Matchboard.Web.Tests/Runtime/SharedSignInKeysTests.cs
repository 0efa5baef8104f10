using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Matchboard.Web.Data;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests.Runtime;

/// <summary>
/// Two instances on one database share the Data Protection key ring kept in that database: what one issues
/// (sign-in cookie, bearer token, antiforgery token) the other accepts. A third instance on another database,
/// in the same process and user account, does not: the keys really come from the database, not a shared folder.
/// </summary>
public sealed partial class SharedSignInKeysTests(MatchboardFactory first) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task ACookieSignedInOnOneInstanceIsAcceptedByAnotherOnTheSameDatabase()
    {
        await using var second = new InstanceFactory(sameDatabaseAs: first);
        var session = await CookieSession.SignInAsync(first, DemoAccounts.KizukiOfficer);

        var onSecond = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("Cookie", session.CookieHeader);
        var me = await onSecond.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains(DemoAccounts.KizukiOfficer, await me.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ABearerTokenIssuedByOneInstanceIsAcceptedByAnother()
    {
        await using var second = new InstanceFactory(sameDatabaseAs: first);
        var officer = await ApiClient.SignInAsync(first, DemoAccounts.MizonokuchiOfficer);

        var onSecond = second.CreateClient();
        onSecond.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", officer.Token);
        var me = await onSecond.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains(DemoAccounts.MizonokuchiOfficer, await me.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnAntiforgeryTokenFromOneInstancesPageIsAcceptedByAFormPostToAnother()
    {
        await using var second = new InstanceFactory(sameDatabaseAs: first);
        await using var elsewhere = new InstanceFactory();
        var (cookie, token) = await SignInFormOfAsync(first);

        var onSecond = await PostSignInAsync(second, cookie, token);
        var onElsewhere = await PostSignInAsync(elsewhere, cookie, token);

        // Signed in on the second instance (a redirect with a sign-in cookie); the instance with its own keys refuses the token.
        Assert.Equal(HttpStatusCode.Redirect, onSecond.StatusCode);
        Assert.Contains(onSecond.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, onElsewhere.StatusCode);
        Assert.False(onElsewhere.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheKeyRingIsKeptInTheDatabase()
    {
        await ApiClient.SignInAsync(first, DemoAccounts.KizukiOfficer);

        await using var scope = first.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<MatchboardDbContext>().DataProtectionKeys.ToListAsync();

        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains("<key ", k.Xml));
    }

    private static async Task<(string Cookie, string Token)> SignInFormOfAsync(MatchboardFactory factory)
    {
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var page = await http.GetAsync("/Accounts/SignIn");
        var cookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = TokenPattern().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token));
        return (cookie, token);
    }

    private static Task<HttpResponseMessage> PostSignInAsync(MatchboardFactory factory, string cookie, string token)
    {
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Post, "/Accounts/SignIn")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = DemoAccounts.TamagawaStaff,
                ["Password"] = DemoAccounts.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", cookie);
        return http.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
