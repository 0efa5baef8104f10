using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>The lifetimes the app ships with: a 15-minute access token and a sliding 8-hour cookie.</summary>
public sealed class SessionLifetimeTests(SessionLifetimeTests.DefaultLifetimesFactory factory) : IClassFixture<SessionLifetimeTests.DefaultLifetimesFactory>
{
    /// <summary>The shared factory stretches sessions to outlive its clock moves; this one keeps the app's own lifetimes.</summary>
    public sealed class DefaultLifetimesFactory : MatchboardFactory
    {
        protected override bool LongSessions => false;
    }

    [Fact]
    public async Task AnAccessTokenLastsFifteenMinutes()
    {
        var login = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = DemoAccounts.KizukiOfficer, password = DemoAccounts.Password });
        var tokens = await login.Content.ReadFromJsonAsync<SessionTests.Tokens>();
        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens!.AccessToken);

        factory.Clock.Advance(TimeSpan.FromMinutes(14));
        var before = await api.GetAsync("/api/me");
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var after = await api.GetAsync("/api/me");

        Assert.Equal(900, tokens.ExpiresIn);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task TheCookieSlidesForEightHoursOfUseAndEndsAfterEightIdleHours()
    {
        var page = await PageClient.CreateAsync(factory, DemoAccounts.MimamoriStaff);

        factory.Clock.Advance(TimeSpan.FromHours(7));
        var afterSeven = await page.Http.GetAsync("/api/me");
        factory.Clock.Advance(TimeSpan.FromHours(7));
        var afterFourteenInUse = await page.Http.GetAsync("/api/me");
        factory.Clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        var afterEightIdle = await page.Http.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, afterSeven.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterFourteenInUse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterEightIdle.StatusCode);
    }
}
