using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Matchboard.Web.Tests;

/// <summary>Signing up (association, civic group, supporter), confirming the address by mail, and what is refused.</summary>
public sealed partial class JoiningTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    public const string Password = "Join-2026!x";

    public static object SignUp(string kind, string name, string email, string ward = "nakahara", string password = Password) => kind switch
    {
        "Association" => new { kind, name, ward, town = "木月", contactName = "川崎 一郎", email, password },
        "CivicGroup" => new
        {
            kind, name, ward, town = "小杉町", legalForm = "NpoCorporation", activityStyle = "Volunteer",
            categories = new[] { "watch-over", "cleanup" }, wardsServed = new[] { "nakahara", "takatsu" }, capacity = 3,
            description = "見守りの団体です。", contactName = "中原 花子", email, password,
        },
        _ => new { kind, name, ward, categories = new[] { "watch-over" }, availability = "平日の午前", email, password },
    };

    private static string NewEmail() => $"join-{Guid.NewGuid():N}@example.jp";

    private static string NewName(string what) => $"{what} {Guid.NewGuid():N}"[..30];

    [Theory]
    [InlineData("Association", OrganizationKind.Association)]
    [InlineData("CivicGroup", OrganizationKind.CivicGroup)]
    [InlineData("Supporter", OrganizationKind.Supporter)]
    public async Task EachKindSignsUpIsRefusedUntilItConfirmsByMailThenSignsInUnverified(string kind, OrganizationKind expected)
    {
        var http = factory.CreateClient();
        var email = NewEmail();
        var name = NewName("木月の会");
        var mark = factory.DroppedMailFiles();

        var signUp = await http.PostAsJsonAsync("/api/registrations", SignUp(kind, name, email));

        Assert.Equal(HttpStatusCode.Accepted, signUp.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/auth/login", new { email, password = Password })).StatusCode);
        var pages = await PageClient.CreateAsync(factory);
        var refusedPage = await pages.PostFormAsync("/Accounts/SignIn", new() { ["Email"] = email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.OK, refusedPage.StatusCode);

        var mail = Assert.Single(factory.DroppedMailSince(mark), m => m.To.Mailboxes.Any(a => a.Address == email));
        Assert.Contains("メールアドレスの確認", mail.Subject);
        Assert.Contains("confirm your email address", mail.TextBody);
        var link = ConfirmLink().Match(mail.TextBody!).Value;
        Assert.NotEmpty(link);
        Assert.Contains("メールアドレスを確認する", await pages.Http.GetStringAsync(link));
        var confirmed = await pages.PostFormAsync(link, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("id=\"confirmed\"", await confirmed.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/api/auth/login", new { email, password = Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync("/Accounts/SignIn", new() { ["Email"] = email, ["Password"] = Password })).StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var organization = await db.Organizations.SingleAsync(o => o.Name == name);
        Assert.Equal(expected, organization.Kind);
        Assert.False(organization.IsVerified);
        Assert.Equal(organization.Id, (await db.Users.SingleAsync(u => u.Email == email)).OrganizationId);
        var city = await db.Organizations.Where(o => o.Kind == OrganizationKind.CityOffice).Select(o => o.Id).ToListAsync();
        var told = await db.Notifications.Where(n => n.Type == NotificationType.RegistrationReceived && n.Title == name).ToListAsync();
        Assert.Equal(city.Order(), told.Select(n => n.OrganizationId).Order());
        Assert.All(told, n => Assert.Null(n.TaskId));
    }

    [Fact]
    public async Task ADuplicateEmailGetsTheSameAnswerCreatesNothingAndItsMailOffersAPasswordReset()
    {
        var http = factory.CreateClient();
        var fresh = await http.PostAsJsonAsync("/api/registrations", SignUp("Supporter", NewName("新しい人"), NewEmail()));
        var mark = factory.DroppedMailFiles();
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var duplicate = await http.PostAsJsonAsync("/api/registrations", SignUp("Supporter", NewName("同じ人"), DemoAccounts.KizukiOfficer));

        Assert.Equal(fresh.StatusCode, duplicate.StatusCode);
        Assert.Equal(await fresh.Content.ReadAsStringAsync(), await duplicate.Content.ReadAsStringAsync());
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
        var mail = Assert.Single(factory.DroppedMailSince(mark));
        Assert.Equal(DemoAccounts.KizukiOfficer, mail.To.Mailboxes.Single().Address);
        Assert.Contains("すでに登録されています", mail.TextBody);
        Assert.Matches(ResetLink(), mail.TextBody);
    }

    [Theory]
    [InlineData("password", "weak", "password")]
    [InlineData("ward", "atlantis", "ward")]
    [InlineData("category", "juggling", "categories")]
    [InlineData("email", "not-an-address", "email")]
    public async Task BadInputIsRefusedWithALocalizedFieldErrorAndChangesNothing(string what, string value, string field)
    {
        var email = what == "email" ? value : NewEmail();
        object body = what switch
        {
            "password" => SignUp("Association", NewName("町内会"), email, password: value),
            "ward" => SignUp("Association", NewName("町内会"), email, ward: value),
            "category" => new { kind = "Supporter", name = "川崎 花子", ward = "nakahara", categories = new[] { value }, email, password = Password },
            _ => SignUp("Association", NewName("町内会"), email),
        };
        var mark = factory.DroppedMailFiles();
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var response = await factory.CreateClient().PostAsJsonAsync("/api/registrations", body);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var messages = problem.GetProperty("errors").GetProperty(field);
        Assert.All(messages.EnumerateArray(), m => Assert.Matches("[ぁ-んァ-ン一-龯]", m.GetString()!));
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
        Assert.Empty(factory.DroppedMailSince(mark));
    }

    [Fact]
    public async Task TheSameNameInTheSameWardIsAConflictButInAnotherWardIsWelcome()
    {
        var http = factory.CreateClient();
        var name = NewName("本町町内会");
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/api/registrations", SignUp("Association", name, NewEmail(), ward: "kawasaki"))).StatusCode);
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var again = await http.PostAsJsonAsync("/api/registrations", SignUp("Association", name, NewEmail(), ward: "kawasaki"));

        await ProblemAssert.HasCodeAsync(again, HttpStatusCode.Conflict, "registration.name-taken");
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
        var english = new HttpRequestMessage(HttpMethod.Post, "/api/registrations") { Content = JsonContent.Create(SignUp("Association", name, NewEmail(), ward: "kawasaki")) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        Assert.Contains("already registered in this ward", await (await http.SendAsync(english)).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/api/registrations", SignUp("Association", name, NewEmail(), ward: "saiwai"))).StatusCode);
    }

    [Fact]
    public async Task TheJoinFormPostedTwiceCreatesOneOrganization()
    {
        var pages = await PageClient.CreateAsync(factory);
        var form = await pages.Http.GetStringAsync("/Join?kind=Supporter");
        var key = IdempotencyKeyField().Match(form).Groups[1].Value;
        var token = TokenField().Match(form).Groups[1].Value;
        var name = NewName("二度押し");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("IdempotencyKey", key), new("__RequestVerificationToken", token),
            new("Input.Name", name), new("Input.Ward", "tama"), new("Input.Categories", "cleanup"),
            new("Input.Availability", "土曜日"), new("Input.Email", NewEmail()), new("Input.Password", Password),
        };

        var first = await pages.Http.PostAsync("/Join?kind=Supporter", new FormUrlEncodedContent(fields));
        var second = await pages.Http.PostAsync("/Join?kind=Supporter", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/Join/Sent", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("/Join/Sent", second.Headers.Location?.OriginalString);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        Assert.Equal(1, await db.Organizations.CountAsync(o => o.Name == name));
    }

    [Fact]
    public async Task TheApiSignUpRetriedWithTheSameIdempotencyKeyCreatesOne()
    {
        var http = factory.CreateClient();
        var name = NewName("再送の会");
        var body = SignUp("CivicGroup", name, NewEmail());
        var key = Guid.NewGuid().ToString();

        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/registrations") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }

        var first = await http.SendAsync(Request());
        var second = await http.SendAsync(Request());

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        Assert.Equal(1, await db.Organizations.CountAsync(o => o.Name == name));
    }

    [Fact]
    public async Task AForgottenPasswordIsResetByTheMailedLinkWhichEndsTheOtherSessionsAndWorksOnce()
    {
        var email = await TestUsers.AddAsync(factory, (await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer)).OrganizationId);
        var http = factory.CreateClient();
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password = DemoAccounts.Password });
        var oldToken = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var mark = factory.DroppedMailFiles();

        var forgot = await http.PostAsJsonAsync("/api/auth/forgot-password", new { email });
        var unknown = await http.PostAsJsonAsync("/api/auth/forgot-password", new { email = NewEmail() });

        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        Assert.Equal(forgot.StatusCode, unknown.StatusCode);
        Assert.Equal(await forgot.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        var mail = Assert.Single(factory.DroppedMailSince(mark));
        Assert.Equal(email, mail.To.Mailboxes.Single().Address);
        var link = ResetLink().Match(mail.TextBody!).Value;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);
        var reset = new { email, token = query["token"].ToString(), password = "Renewed-2026!" };

        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsJsonAsync("/api/auth/reset-password", reset)).StatusCode);

        var old = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        old.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", oldToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/api/auth/login", new { email, password = "Renewed-2026!" })).StatusCode);
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);
        var reused = await http.PostAsJsonAsync("/api/auth/reset-password", reset with { password = "Third-2026!" });
        var problem = await ProblemAssert.IsProblemAsync(reused, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("token", out _));
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    [Fact]
    public async Task TheResetPageSetsANewPasswordFromTheMailedLink()
    {
        var email = await TestUsers.AddAsync(factory, (await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer)).OrganizationId);
        var pages = await PageClient.CreateAsync(factory);
        Assert.Contains("/Accounts/ForgotPassword", await pages.Http.GetStringAsync("/Accounts/SignIn"));
        var mark = factory.DroppedMailFiles();

        var sent = await pages.PostFormAsync("/Accounts/ForgotPassword", new() { ["Email"] = email });

        Assert.Contains("id=\"forgot-sent\"", await sent.Content.ReadAsStringAsync());
        var link = ResetLink().Match(Assert.Single(factory.DroppedMailSince(mark)).TextBody!).Value;
        var done = await pages.PostFormAsync(link, new() { ["Password"] = "Paged-2026!", ["ConfirmPassword"] = "Paged-2026!" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = "Paged-2026!" })).StatusCode);
    }

    [Fact]
    public async Task TheHomeAndSignInPagesLeadToJoiningAndEachKindHasItsForm()
    {
        var http = factory.CreateClient();
        Assert.Contains("href=\"/Join\"", await http.GetStringAsync("/"));
        Assert.Contains("href=\"/Join\"", await http.GetStringAsync("/Accounts/SignIn"));
        Assert.Contains("個人サポーター", await http.GetStringAsync("/Join"));
        Assert.Contains("Input.LegalForm", await http.GetStringAsync("/Join?kind=CivicGroup"));
        Assert.Contains("Input.Availability", await http.GetStringAsync("/Join?kind=Supporter"));
        Assert.Contains("Input.Town", await http.GetStringAsync("/Join?kind=Association"));
    }

    [GeneratedRegex(@"/Accounts/ConfirmEmail\?\S+")]
    public static partial Regex ConfirmLink();

    [GeneratedRegex(@"/Accounts/ResetPassword\?\S+")]
    public static partial Regex ResetLink();

    [GeneratedRegex("name=\"IdempotencyKey\" value=\"([^\"]+)\"")]
    private static partial Regex IdempotencyKeyField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
