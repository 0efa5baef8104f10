using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.ScaleOut.Tests.Infrastructure;

/// <summary>
/// A signed-in user's bearer token, usable on any instance (the instances share their keys): one HTTP client
/// per instance, so that a test chooses which instance each request goes through.
/// </summary>
public sealed class Session(Member member, string token)
{
    public Member Member { get; } = member;

    public string Token { get; } = token;

    public static async Task<Session> SignInAsync(HttpClient http, Member member)
    {
        using var login = await http.PostAsJsonAsync("/api/auth/login", new { email = member.Email, password = DemoAccounts.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        return new Session(member, token);
    }

    public HttpRequestMessage Request(HttpMethod method, string url, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return request;
    }

    /// <summary>
    /// Every notification after <paramref name="after"/>, page after page until the server has no more:
    /// the catch-up a client makes after it was away.
    /// </summary>
    public async Task<List<NotificationDto>> CatchUpAsync(HttpClient http, long after)
    {
        var all = new List<NotificationDto>();
        while (true)
        {
            using var response = await http.SendAsync(Request(HttpMethod.Get, $"/api/notifications?after={after}&take=200"));
            response.EnsureSuccessStatusCode();
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            var items = page.GetProperty("items").Deserialize<List<NotificationDto>>(ApiClient.Json)!;
            all.AddRange(items);
            var hasMore = page.TryGetProperty("hasMore", out var more) ? more.GetBoolean() : items.Count > 0;
            if (!hasMore || items.Count == 0)
            {
                return all;
            }

            after = items[^1].Sequence;
        }
    }
}
