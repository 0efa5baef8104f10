using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Matchboard.Web.Tests.Infrastructure;
using MimeKit;

namespace Matchboard.Web.Tests.Team;

/// <summary>Inviting and joining through the API, reading the link from the mail drop as a person would.</summary>
public static partial class TeamSteps
{
    public static async Task<string> InviteAndReadTokenAsync(MatchboardFactory factory, ApiClient inviter, string email)
    {
        var mark = factory.DroppedMailFiles();
        var response = await inviter.PostJsonAsync("/api/team/invitations", new { email });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var mail = Assert.Single(factory.DroppedMailSince(mark));
        Assert.Equal(email, ((MailboxAddress)mail.To.Single()).Address);
        return TokenOf(mail);
    }

    public static string TokenOf(MimeMessage mail) => Uri.UnescapeDataString(JoinLink().Match(mail.TextBody ?? string.Empty).Groups[1].Value);

    public static string LinkOf(MimeMessage mail, string path) =>
        Regex.Match(mail.TextBody ?? string.Empty, "https?://[^/\\s]+(" + Regex.Escape(path) + "[^\\s]*)").Groups[1].Value;

    /// <summary>Invites, accepts with the demo password, and signs the new member in over the API.</summary>
    public static async Task<ApiClient> NewMemberAsync(MatchboardFactory factory, ApiClient inviter, string email, string name = "新しい 役員")
    {
        var token = await InviteAndReadTokenAsync(factory, inviter, email);
        var accepted = await factory.CreateClient().PostAsJsonAsync("/api/invitations/accept", new { token, displayName = name, password = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        return await ApiClient.SignInAsync(factory, email);
    }

    public static async Task<string> UserIdAsync(MatchboardFactory factory, string email)
    {
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var found = await city.GetAsync<JsonElement>($"/api/city/accounts?q={Uri.EscapeDataString(email)}");
        return found.EnumerateArray().Single(a => a.GetProperty("email").GetString() == email).GetProperty("userId").GetString()!;
    }

    public static Task<HttpResponseMessage> LoginAsync(MatchboardFactory factory, string email, string password = DemoAccounts.Password) =>
        factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password });

    [GeneratedRegex("/Team/Join\\?token=([^\\s]+)")]
    private static partial Regex JoinLink();
}
