using System.Net;
using System.Text.RegularExpressions;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests.Security;

/// <summary>Every response (page, API, static file, error) carries the security headers; no page runs inline script.</summary>
public sealed partial class SecurityHeadersTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/Accounts/SignIn", HttpStatusCode.OK)]
    [InlineData("/api/tasks", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/js/live.js", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/api/tasks/99999999", HttpStatusCode.NotFound)]
    [InlineData("/api/me", HttpStatusCode.Unauthorized)]
    [InlineData("/css/no-such-file.css", HttpStatusCode.NotFound)]
    public async Task EveryResponseCarriesTheSecurityHeaders(string path, HttpStatusCode status)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline'", Directive(csp, "script-src"));
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("connect-src 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        var permissions = Header(response, "Permissions-Policy");
        Assert.Contains("camera=()", permissions);
        Assert.Contains("microphone=()", permissions);
        Assert.Contains("geolocation=()", permissions);
    }

    [Fact]
    public async Task AFailedFormPostStillCarriesTheHeaders()
    {
        // An antiforgery failure is answered by the framework before any page runs.
        var response = await factory.CreateClient().PostAsync("/Accounts/SignIn", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task NoPageRunsInlineScript()
    {
        int openTask;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            openTask = await scope.ServiceProvider.GetRequiredService<MatchboardDbContext>().Tasks
                .Where(t => t.Status == CommunityTaskStatus.Open).Select(t => t.Id).FirstAsync();
        }

        var anonymous = await PageClient.CreateAsync(factory);
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);
        var pages = new List<(string Url, string Html)>();
        foreach (var url in new[] { "/", "/Accounts/SignIn", $"/Tasks/{openTask}" })
        {
            pages.Add((url, await anonymous.Http.GetStringAsync(url)));
        }

        foreach (var url in new[] { "/", $"/Tasks/{openTask}", "/Tasks/New", "/Alerts", "/Accounts/EmailSettings" })
        {
            pages.Add((url, await officer.Http.GetStringAsync(url)));
        }

        Assert.All(pages, page =>
        {
            Assert.DoesNotMatch(InlineScript(), page.Html);
            Assert.DoesNotMatch(EventHandlerAttribute(), page.Html);
            Assert.DoesNotContain("javascript:", page.Html, StringComparison.OrdinalIgnoreCase);
        });
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing on {response.RequestMessage?.RequestUri}");

    private static string Directive(string csp, string name) =>
        csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith(name + " ", StringComparison.Ordinal));

    /// <summary>A script element without a src attribute.</summary>
    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    /// <summary>An on… attribute inside a tag (onclick, onload…).</summary>
    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}

/// <summary>The app on a real Kestrel port, to see the headers Kestrel itself writes.</summary>
public sealed class KestrelFactory : MatchboardFactory
{
    public KestrelFactory()
    {
        UseKestrel(0);
    }

    public Uri BaseAddress()
    {
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
            .Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }
}

public sealed class ServerHeaderTests(KestrelFactory factory) : IClassFixture<KestrelFactory>
{
    [Fact]
    public async Task KestrelDoesNotNameItself()
    {
        using var http = new HttpClient { BaseAddress = factory.BaseAddress() };

        var page = await http.GetAsync("/");
        var missing = await http.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Empty(page.Headers.Server);
        Assert.Empty(missing.Headers.Server);
    }
}
