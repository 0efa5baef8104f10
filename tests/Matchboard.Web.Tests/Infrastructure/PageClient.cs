using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>A browser-like client for the Razor Pages: cookies, antiforgery tokens, no automatic redirects.</summary>
public sealed partial class PageClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public static async Task<PageClient> CreateAsync(MatchboardFactory factory, string? email = null, string language = "ja")
    {
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var client = new PageClient(http);
        if (email is not null)
        {
            var response = await client.PostFormAsync("/Accounts/SignIn", new() { ["Email"] = email, ["Password"] = DemoAccounts.Password });
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        }

        return client;
    }

    /// <summary>Posts a form the way a browser does: with the antiforgery token of the page it came from.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields)
    {
        var page = await Http.GetStringAsync(url);
        fields["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value;
        return await Http.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts with the token of another page: for a page the user may not open (the post must be refused too).</summary>
    public async Task<HttpResponseMessage> PostFormWithTokenOfAsync(string tokenPage, string url, Dictionary<string, string> fields)
    {
        var page = await Http.GetStringAsync(tokenPage);
        fields["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value;
        return await Http.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>The same for a form that repeats a field (checkboxes).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await Http.GetStringAsync(url);
        return await Http.PostAsync(url, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", TokenPattern().Match(page).Groups[1].Value)]));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
