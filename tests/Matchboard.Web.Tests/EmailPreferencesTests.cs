using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>Each user's choice of which notifications also come by email: the API and the settings page.</summary>
public sealed class EmailPreferencesTests(ApiReferenceFactory factory) : IClassFixture<ApiReferenceFactory>
{
    [Fact]
    public async Task ANewUserGetsNoOptionalMailAndTheirChoiceIsKept()
    {
        var user = await ApiClient.SignInAsync(factory, await TestUsers.AddAsync(factory, (await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff)).OrganizationId));
        Assert.Empty((await user.GetAsync<EmailPreferencesDto>("/api/me/email-preferences")).Types);

        var put = await user.Http.PutAsJsonAsync("/api/me/email-preferences", new { types = new[] { "VisitMissed", "BidAwarded", "VisitMissed" } });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        NotificationType[] expected = [NotificationType.BidAwarded, NotificationType.VisitMissed];
        Assert.Equal(expected, (await put.Content.ReadFromJsonAsync<EmailPreferencesDto>(ApiClient.Json))!.Types);
        Assert.Equal(expected, (await user.GetAsync<EmailPreferencesDto>("/api/me/email-preferences")).Types);

        var cleared = await user.Http.PutAsJsonAsync("/api/me/email-preferences", new { types = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Empty((await user.GetAsync<EmailPreferencesDto>("/api/me/email-preferences")).Types);
    }

    [Theory]
    [InlineData("ja", "お知らせの種類を一覧から選んでください。", """{"types":["BidPlaced","NoSuchType"]}""")]
    [InlineData("en", "Choose notification types from the list.", """{"types":["BidPlaced","1"]}""")]
    [InlineData("en", "Choose notification types from the list.", """{"types":["bidplaced"]}""")]
    [InlineData("ja", "入力してください。", """{"types":null}""")]
    public async Task AnUnknownTypeIsALocalizedProblemAndChangesNothing(string language, string message, string body)
    {
        var user = await ApiClient.SignInAsync(factory, await TestUsers.AddAsync(factory, (await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff)).OrganizationId));
        (await user.Http.PutAsJsonAsync("/api/me/email-preferences", new { types = new[] { "ContractSigned" } })).EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/me/email-preferences")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);

        var response = await user.Http.SendAsync(request);

        var problem = await ProblemAssert.HasCodeAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("types")[0].GetString());
        Assert.Equal([NotificationType.ContractSigned], (await user.GetAsync<EmailPreferencesDto>("/api/me/email-preferences")).Types);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesThePreferences()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var path = document.GetProperty("paths").GetProperty("/api/me/email-preferences");
        Assert.True(path.TryGetProperty("get", out _));
        Assert.True(path.TryGetProperty("put", out _));
    }

    [Fact]
    public async Task PreferencesNeedASignedInUser()
    {
        var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me/email-preferences")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/api/me/email-preferences", new { types = Array.Empty<string>() })).StatusCode);
    }

    [Fact]
    public async Task TheSettingsPageSavesTheTickedTypesAndShowsThemTickedAfterTheRedirect()
    {
        var email = await TestUsers.AddAsync(factory, (await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer)).OrganizationId);
        var page = await PageClient.CreateAsync(factory, email);
        var api = await ApiClient.SignInAsync(factory, email);
        Assert.Contains("href=\"/Accounts/EmailSettings\"", await page.Http.GetStringAsync("/"));

        var response = await page.PostFormAsync("/Accounts/EmailSettings", [new("Input.Types", "BidPlaced"), new("Input.Types", "VisitReported")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Accounts/EmailSettings", response.Headers.Location?.OriginalString);
        var html = await page.Http.GetStringAsync("/Accounts/EmailSettings");
        Assert.Contains("メール設定を保存しました。", html);
        Assert.Matches("id=\"type-BidPlaced\" checked", html);
        Assert.Matches("id=\"type-VisitReported\" checked", html);
        Assert.DoesNotMatch("id=\"type-QuestionAsked\" checked", html);
        Assert.Equal([NotificationType.BidPlaced, NotificationType.VisitReported], (await api.GetAsync<EmailPreferencesDto>("/api/me/email-preferences")).Types);
    }

    [Fact]
    public async Task TheSettingsPageRefusesAnUnknownTypeWithTheErrorSummaryAndChangesNothing()
    {
        var email = await TestUsers.AddAsync(factory, (await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer)).OrganizationId);
        var page = await PageClient.CreateAsync(factory, email, language: "en");
        var api = await ApiClient.SignInAsync(factory, email);

        var response = await page.PostFormAsync("/Accounts/EmailSettings", [new("Input.Types", "BidPlaced"), new("Input.Types", "<script>")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", html);
        Assert.Contains("Choose notification types from the list.", html);
        Assert.Contains("Also email me when", html);
        Assert.Empty((await api.GetAsync<EmailPreferencesDto>("/api/me/email-preferences")).Types);
    }

    [Fact]
    public async Task TheSettingsPageAsksAnonymousVisitorsToSignIn()
    {
        var page = await PageClient.CreateAsync(factory);

        var response = await page.Http.GetAsync("/Accounts/EmailSettings");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Accounts/SignIn", response.Headers.Location?.OriginalString);
    }
}
