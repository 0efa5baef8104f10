using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Features.City;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests.Security;

/// <summary>
/// Production's first account: <c>admin add-city-staff EMAIL</c> makes it (with the city office), and prints a
/// one-time link to /Accounts/SetPassword. The command runs in-process, on the app's own services.
/// </summary>
public sealed partial class CityStaffCommandTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    private const string NewPassword = "Kawasaki-Staff-2026";

    [Fact]
    public async Task TheFirstCityStaffSetsAPasswordThroughThePrintedLinkAndSignsIn()
    {
        var (exit, output) = await RunAsync("admin", "add-city-staff", "kacho@city.example.jp");

        Assert.Equal(0, exit);
        var link = Link(output);
        Assert.StartsWith($"{ProductionFactory.PublicUrl}/Accounts/SetPassword?email=", link);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
            var office = await db.Organizations.SingleAsync();
            var user = await db.Users.SingleAsync(u => u.Email == "kacho@city.example.jp");
            Assert.Equal(OrganizationKind.CityOffice, office.Kind);
            Assert.Equal("川崎市 市民文化局 地域活動推進課", office.Name);
            Assert.Equal(office.Id, user.OrganizationId);
            Assert.True(user.EmailConfirmed);
            Assert.Null(user.PasswordHash);
        }

        var pages = factory.HttpsPages();
        var form = await pages.Http.GetAsync(link);
        var set = await pages.PostFormAsync(link, new() { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        var signIn = await pages.PostFormAsync("/Accounts/SignIn", new() { ["Email"] = "kacho@city.example.jp", ["Password"] = NewPassword });
        var me = await pages.Http.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/Accounts/SignIn", set.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("CityOffice", me.GetProperty("organization").GetProperty("kind").GetString());

        // The cookies of a real sign-in, over https.
        SetCookies.AssertGuarded(set, ".AspNetCore.Mvc.CookieTempDataProvider", secure: true);
        SetCookies.AssertGuarded(signIn, ".AspNetCore.Identity.Application", secure: true);
    }

    [Fact]
    public async Task AUsedLinkIsRefusedAndChangesNothing()
    {
        var (_, output) = await RunAsync("admin", "add-city-staff", "kakaricho@city.example.jp");
        var link = Link(output);
        var pages = factory.HttpsPages();
        await pages.PostFormAsync(link, new() { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });

        var again = await pages.Http.GetStringAsync(link);
        var reuse = await pages.PostFormWithTokenOfAsync("/Accounts/SignIn", link, new() { ["Password"] = "Someone-Else-2026", ["ConfirmPassword"] = "Someone-Else-2026" });
        var withStolenPassword = await factory.HttpsPages().PostFormAsync("/Accounts/SignIn", new() { ["Email"] = "kakaricho@city.example.jp", ["Password"] = "Someone-Else-2026" });
        var withOwnPassword = await factory.HttpsPages().PostFormAsync("/Accounts/SignIn", new() { ["Email"] = "kakaricho@city.example.jp", ["Password"] = NewPassword });

        Assert.Contains("このリンクはすでに使われたか、有効期限が切れています", again);
        Assert.DoesNotContain("name=\"Password\"", again);
        Assert.Equal(HttpStatusCode.OK, reuse.StatusCode);
        Assert.Contains("このリンクはすでに使われたか、有効期限が切れています", await reuse.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, withStolenPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withOwnPassword.StatusCode);
    }

    [Fact]
    public async Task APasswordOutsideIdentitysRulesIsRefusedInEnglishTooAndTheLinkStillWorks()
    {
        var (_, output) = await RunAsync("admin", "add-city-staff", "shunin@city.example.jp");
        var link = Link(output);
        var pages = factory.HttpsPages("en");

        var weak = await pages.PostFormAsync(link, new() { ["Password"] = "short", ["ConfirmPassword"] = "short" });
        var mismatch = await pages.PostFormAsync(link, new() { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword + "x" });
        var good = await pages.PostFormAsync(link, new() { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });

        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        var html = await weak.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", html);
        Assert.Contains("Set your password", html);
        Assert.Equal(HttpStatusCode.OK, mismatch.StatusCode);
        Assert.Contains("error-summary", await mismatch.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
    }

    [Fact]
    public async Task AnEmailThatHasAnAccountIsRefusedAndTheOfficeIsNotMadeTwice()
    {
        await RunAsync("admin", "add-city-staff", "bucho@city.example.jp");

        var (exit, output) = await RunAsync("admin", "add-city-staff", "BUCHO@city.example.jp");
        var (badExit, _) = await RunAsync("admin", "add-city-staff", "not-an-email");
        var (unknownExit, _) = await RunAsync("admin", "remove-everyone");

        Assert.NotEqual(0, exit);
        Assert.DoesNotContain("/Accounts/SetPassword", output);
        Assert.NotEqual(0, badExit);
        Assert.NotEqual(0, unknownExit);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedEmail == "BUCHO@CITY.EXAMPLE.JP"));
        Assert.Equal(0, await db.Users.CountAsync(u => u.Email == "not-an-email"));
        Assert.Equal(1, await db.Organizations.CountAsync(o => o.Kind == OrganizationKind.CityOffice));
    }

    [Fact]
    public async Task ALinkWithAForgedTokenIsRefused()
    {
        await RunAsync("admin", "add-city-staff", "hacho@city.example.jp");

        var page = await factory.HttpsPages().Http.GetStringAsync("/Accounts/SetPassword?email=hacho%40city.example.jp&token=forged");

        Assert.Contains("このリンクはすでに使われたか、有効期限が切れています", page);
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        _ = factory.Server;
        using var output = new StringWriter();
        var exit = await AdminCommandLine.RunAsync(factory.Services, args, output, CancellationToken.None);
        return (exit, output.ToString());
    }

    private static string Link(string output) =>
        LinkPattern().Match(output) is { Success: true } match ? match.Value : throw new Xunit.Sdk.XunitException($"No link in: {output}");

    [GeneratedRegex(@"https?://\S+/Accounts/SetPassword\?\S+")]
    private static partial Regex LinkPattern();
}
