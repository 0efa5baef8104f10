using System.Net;
using Matchboard.Web.Data;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests.Security;

/// <summary>Production is not a demo: no demo data, no API reference, transport security on by default.</summary>
public sealed class ProductionHostTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task AnEmptyProductionDatabaseGetsNoAccountAndNoDemoOrganizationEvenWhenTheDemoIsAskedFor()
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();

        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.Organizations.CountAsync());
        Assert.Equal(0, await db.Tasks.CountAsync());
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar")]
    [InlineData("/scalar/v1")]
    public async Task TheApiReferenceIsNotPublishedInProduction(string path)
    {
        var response = await factory.HttpsPages().Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PlainHttpIsRedirectedToHttps()
    {
        var http = factory.CreateClient(new() { BaseAddress = new Uri("http://matchboard.example.jp"), AllowAutoRedirect = false });

        var response = await http.GetAsync("/Accounts/SignIn?returnUrl=%2F");

        Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect, $"{response.StatusCode}");
        Assert.Equal("https://matchboard.example.jp/Accounts/SignIn?returnUrl=%2F", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    public async Task ALoadBalancersHealthProbeOverPlainHttpIsAnsweredNotRedirected(string path)
    {
        var http = factory.CreateClient(new() { BaseAddress = new Uri("http://10.0.0.5:5081"), AllowAutoRedirect = false });

        var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HttpsAnswersTellTheBrowserToStayOnHttps()
    {
        var response = await factory.HttpsPages().Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "no Strict-Transport-Security");
        Assert.Matches("max-age=[1-9][0-9]*", hsts!.Single());
    }

    [Fact]
    public async Task TheConfiguredProxyIsBelievedAboutTheClientAndTheScheme()
    {
        var context = await factory.Server.SendAsync(c => Forwarded(c, ProductionFactory.TrustedProxy));

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal("https", context.Request.Scheme);
        Assert.Equal(IPAddress.Parse("198.51.100.7"), context.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task AnyoneElsesForwardedHeadersAreIgnored()
    {
        var context = await factory.Server.SendAsync(c => Forwarded(c, "203.0.113.9"));

        Assert.Equal(StatusCodes.Status307TemporaryRedirect, context.Response.StatusCode);
        Assert.Equal("http", context.Request.Scheme);
        Assert.Equal(IPAddress.Parse("203.0.113.9"), context.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task TheAntiforgeryAndCultureCookiesAreSecureHttpOnlyAndSameSite()
    {
        var pages = factory.HttpsPages();

        var signInPage = await pages.Http.GetAsync("/Accounts/SignIn");
        var language = await pages.PostFormWithTokenOfAsync("/Accounts/SignIn", "/Language", new() { ["culture"] = "en", ["returnUrl"] = "/" });

        Assert.Equal(HttpStatusCode.Redirect, language.StatusCode);
        SetCookies.AssertGuarded(signInPage, ".AspNetCore.Antiforgery.", secure: true);
        SetCookies.AssertGuarded(language, ".AspNetCore.Culture", secure: true);
    }

    /// <summary>A plain-http request as a TLS-terminating proxy at <paramref name="from"/> passes it on.</summary>
    private static void Forwarded(HttpContext context, string from)
    {
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("matchboard.example.jp");
        context.Request.Path = "/Terms";
        context.Connection.RemoteIpAddress = IPAddress.Parse(from);
        context.Request.Headers["X-Forwarded-For"] = "198.51.100.7";
        context.Request.Headers["X-Forwarded-Proto"] = "https";
    }
}

/// <summary>The API reference outside Production: on in Development, off elsewhere unless published by configuration.</summary>
public sealed class ApiReferenceTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar")]
    public async Task TheApiReferenceIsNotPublishedUnlessConfigured(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class DevelopmentApiReferenceTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar")]
    public async Task ADeveloperHasTheApiReference(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
