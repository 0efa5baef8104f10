using System.Net;
using System.Net.Http.Json;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>Sign-in attempts are limited per address and per account, on the API and on the sign-in page.</summary>
public sealed class SignInThrottlingTests(SignInThrottlingTests.StrictFactory factory) : IClassFixture<SignInThrottlingTests.StrictFactory>
{
    /// <summary>Low limits, set by configuration as an operator would.</summary>
    public sealed class StrictFactory : MatchboardFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Matchboard:SignInsPerMinute", "3");
            builder.UseSetting("Matchboard:SignInsPerAccountPerMinute", "2");
        }

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestRemoteAddress>();
    }

    [Fact]
    public async Task ManyAttemptsFromOneAddressAre429WithRetryAfterWhileAnotherAddressStillSignsIn()
    {
        var attacker = TestRemoteAddress.From(factory.CreateClient(), "198.51.100.1");
        var other = TestRemoteAddress.From(factory.CreateClient(), "198.51.100.2");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await attacker.PostAsJsonAsync("/api/auth/login", new { email = $"nobody{i}@example.jp", password = "guess" }));
        }

        var fromOther = await other.PostAsJsonAsync("/api/auth/login", new { email = DemoAccounts.MizonokuchiOfficer, password = DemoAccounts.Password });

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        await ProblemAssert.IsProblemAsync(answers[3], (HttpStatusCode)429);
        Assert.True(answers[3].Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 429 tells when to try again");
        Assert.Equal(HttpStatusCode.OK, fromOther.StatusCode);
    }

    [Fact]
    public async Task ManyAttemptsOnOneAccountFromManyAddressesAre429()
    {
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            var client = TestRemoteAddress.From(factory.CreateClient(), $"203.0.113.{i + 1}");
            answers.Add(await client.PostAsJsonAsync("/api/auth/login", new { email = DemoAccounts.TamagawaStaff, password = "guess" }));
        }

        Assert.All(answers.Take(2), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        await ProblemAssert.IsProblemAsync(answers[2], (HttpStatusCode)429);
        Assert.True(answers[2].Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task TheSignInPageAnswers429WithAMessageInTheUsersLanguage()
    {
        var http = TestRemoteAddress.From(
            factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), "192.0.2.7");
        var page = new PageClient(http);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await page.PostFormAsync("/Accounts/SignIn", new() { ["Email"] = $"guess{i}@example.jp", ["Password"] = "guess" }));
        }

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal((HttpStatusCode)429, answers[3].StatusCode);
        Assert.True(answers[3].Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("ログインの試みが続いたため", await answers[3].Content.ReadAsStringAsync());
    }
}
