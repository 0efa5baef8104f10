using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// Failures lock one account from one address, so nobody can keep the real user out from elsewhere;
/// and a wrong email, a wrong password and a locked account all get the same answer.
/// </summary>
public sealed partial class SignInLockoutTests(SignInLockoutTests.AddressFactory factory) : IClassFixture<SignInLockoutTests.AddressFactory>
{
    public sealed class AddressFactory : MatchboardFactory
    {
        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestRemoteAddress>();
    }

    [Fact]
    public async Task TwelveFailuresFromOneAddressDoNotShutTheRealUserOutFromAnother()
    {
        var email = await TestUsers.AddAsync(factory, organizationId: 1);
        var attacker = TestRemoteAddress.From(factory.CreateClient(), "198.51.100.10");
        var user = TestRemoteAddress.From(factory.CreateClient(), "198.51.100.11");

        for (var i = 0; i < 12; i++)
        {
            var failed = await attacker.PostAsJsonAsync("/api/auth/login", new { email, password = $"wrong-{i}" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var real = await user.PostAsJsonAsync("/api/auth/login", new { email, password = DemoAccounts.Password });
        var page = new PageClient(TestRemoteAddress.From(
            factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), "198.51.100.12"));
        var onPage = await page.PostFormAsync("/Accounts/SignIn", new() { ["Email"] = email, ["Password"] = DemoAccounts.Password });

        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, onPage.StatusCode);
    }

    [Fact]
    public async Task TheAddressThatFailedTenTimesIsStoppedForFiveMinutesEvenWithTheRightPassword()
    {
        var email = await TestUsers.AddAsync(factory, organizationId: 1);
        var attacker = TestRemoteAddress.From(factory.CreateClient(), "198.51.100.20");
        for (var i = 0; i < 10; i++)
        {
            await attacker.PostAsJsonAsync("/api/auth/login", new { email, password = $"wrong-{i}" });
        }

        var stillLocked = await attacker.PostAsJsonAsync("/api/auth/login", new { email, password = DemoAccounts.Password });
        factory.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var afterwards = await attacker.PostAsJsonAsync("/api/auth/login", new { email, password = DemoAccounts.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, stillLocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [Fact]
    public async Task AWrongEmailAWrongPasswordAndALockedAccountGetTheSameAnswerFromTheApi()
    {
        var (known, locked) = await KnownAndLockedAsync();
        var client = TestRemoteAddress.From(factory.CreateClient(), "198.51.100.30");

        var wrongEmail = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody-here@example.jp", password = DemoAccounts.Password });
        var wrongPassword = await client.PostAsJsonAsync("/api/auth/login", new { email = known, password = "not-the-password" });
        var lockedAccount = await client.PostAsJsonAsync("/api/auth/login", new { email = locked, password = DemoAccounts.Password });

        var problems = new List<JsonElement>();
        foreach (var response in new[] { wrongEmail, wrongPassword, lockedAccount })
        {
            problems.Add(await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized));
        }

        Assert.Single(problems.Select(WithoutTraceId).Distinct());
        Assert.Equal("メールアドレスまたはパスワードが違います。", problems[0].GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AWrongEmailAWrongPasswordAndALockedAccountGetTheSameAnswerFromTheSignInPage()
    {
        var (known, locked) = await KnownAndLockedAsync();
        var page = new PageClient(TestRemoteAddress.From(
            factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), "198.51.100.31"));

        var answers = new List<(HttpStatusCode, string)>();
        foreach (var (email, password) in new[] { ("nobody-here@example.jp", DemoAccounts.Password), (known, "not-the-password"), (locked, DemoAccounts.Password) })
        {
            var response = await page.PostFormAsync("/Accounts/SignIn", new() { ["Email"] = email, ["Password"] = password });
            answers.Add((response.StatusCode, ErrorSummary(await response.Content.ReadAsStringAsync())));
        }

        Assert.Single(answers.Distinct());
        Assert.Equal(HttpStatusCode.OK, answers[0].Item1);
        Assert.Contains("メールアドレスまたはパスワードが違います", answers[0].Item2);
    }

    /// <summary>A user who can sign in, and one the administrators have locked.</summary>
    private async Task<(string Known, string Locked)> KnownAndLockedAsync()
    {
        var known = await TestUsers.AddAsync(factory, organizationId: 1);
        var locked = await TestUsers.AddAsync(factory, organizationId: 1);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(locked);
        await users.SetLockoutEndDateAsync(user!, factory.Clock.GetUtcNow().AddDays(30));
        return (known, locked);
    }

    private static string WithoutTraceId(JsonElement problem) => JsonSerializer.Serialize(
        problem.EnumerateObject().Where(p => p.Name != "traceId").ToDictionary(p => p.Name, p => p.Value.ToString()));

    private static string ErrorSummary(string html) => ErrorSummaryPattern().Match(html).Value;

    [GeneratedRegex("<div[^>]*error-summary.*?</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorSummaryPattern();
}
