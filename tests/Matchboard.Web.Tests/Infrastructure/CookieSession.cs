using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>
/// A browser's view of a signed-in user: the sign-in cookie (readable, so that a hub client can carry it too) and
/// the antiforgery token the pages give their script in <c>&lt;meta name="csrf-token"&gt;</c>.
/// </summary>
public sealed partial class CookieSession(HttpClient http, CookieContainer cookies, string csrfToken)
{
    public const string TokenHeader = "X-CSRF-TOKEN";
    public const string ForeignOrigin = "https://evil.example";

    public HttpClient Http { get; } = http;

    public string CsrfToken { get; } = csrfToken;

    /// <summary>The site's own origin as the test server sees it (http://localhost).</summary>
    public string SiteOrigin => Http.BaseAddress!.GetLeftPart(UriPartial.Authority);

    public string CookieHeader => cookies.GetCookieHeader(Http.BaseAddress!);

    public static async Task<CookieSession> SignInAsync(MatchboardFactory factory, string email, string language = "ja")
    {
        var cookies = new CookieContainer();
        var http = factory.CreateDefaultClient(new CookieContainerHandler(cookies));
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var signIn = await new PageClient(http).PostFormAsync("/Accounts/SignIn", new() { ["Email"] = email, ["Password"] = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var token = CsrfMeta().Match(await http.GetStringAsync("/Tasks")).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "A signed-in page gives its script an antiforgery token.");
        return new CookieSession(http, cookies, token);
    }

    /// <summary>Sends with the cookie, an optional Origin/Referer and an optional antiforgery header.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content = null,
        string? origin = null, string? referer = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(referer);
        }

        if (token is not null)
        {
            request.Headers.Add(TokenHeader, token);
        }

        return Http.SendAsync(request);
    }

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\">")]
    private static partial Regex CsrfMeta();
}
