using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>Only the sign-in endpoints the app supports exist: no half-supported account management.</summary>
public sealed class AuthEndpointsTests(ApiReferenceFactory factory) : IClassFixture<ApiReferenceFactory>
{
    private static readonly string[] Unsupported =
    [
        "/api/auth/register", "/api/auth/manage/2fa", "/api/auth/manage/info", "/api/auth/confirmEmail",
        "/api/auth/resendConfirmationEmail", "/api/auth/forgotPassword", "/api/auth/resetPassword",
    ];

    [Fact]
    public async Task IdentitysManageAndRecoveryEndpointsAnswer404EvenToASignedInUser()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);

        foreach (var path in Unsupported)
        {
            var post = await officer.Http.PostAsJsonAsync(path, new { enable = true, email = DemoAccounts.KizukiOfficer });
            var get = await officer.Http.GetAsync(path);
            Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"POST {path}: {(int)post.StatusCode}");
            Assert.True(get.StatusCode == HttpStatusCode.NotFound, $"GET {path}: {(int)get.StatusCode}");
        }
    }

    [Fact]
    public async Task TheOpenApiDocumentListsOnlyTheSupportedSignInEndpoints()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var auth = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Where(p => p.StartsWith("/api/auth/", StringComparison.Ordinal)).Order().ToList();

        Assert.Equal(["/api/auth/forgot-password", "/api/auth/login", "/api/auth/logout", "/api/auth/logout-everywhere", "/api/auth/refresh", "/api/auth/reset-password"], auth);
    }
}
