using System.Net;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Matchboard.Web.Tests.Infrastructure.VerificationSetup;

namespace Matchboard.Web.Tests;

/// <summary>City staff's page for a group's certification mark: every decision goes through a confirmation step.</summary>
public sealed class CertificationPageTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task CityStaffGrantTheMarkThroughTheConfirmationStep()
    {
        var (groupId, _) = await NewGroupAsync(factory);
        var city = await PageClient.CreateAsync(factory, DemoAccounts.CityStaff);
        var url = $"/City/Organizations/{groupId}/Certification";
        var today = Today();
        var fields = new Dictionary<string, string>
        {
            ["Action"] = "Grant",
            ["Number"] = "川崎市認証 第2026-0777号",
            ["ValidFrom"] = today.ToString("yyyy-MM-dd"),
            ["ValidTo"] = today.AddDays(365).ToString("yyyy-MM-dd"),
            ["Note"] = "書類を確認しました。",
            ["Version"] = VersionOn(await city.Http.GetStringAsync(url)),
        };

        var before = await DatabaseChecksum.OfEveryTableAsync(factory);
        var confirm = await city.PostFormWithTokenOfAsync(url, url + "?handler=Confirm", fields);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var confirmHtml = await confirm.Content.ReadAsStringAsync();
        Assert.Contains("id=\"confirm\"", confirmHtml);
        Assert.Contains("川崎市認証 第2026-0777号", confirmHtml);
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
        Assert.Null((await GroupAsync(groupId)).Certification);

        var decide = await city.PostFormWithTokenOfAsync(url, url + "?handler=Decide", fields);
        Assert.Equal(HttpStatusCode.Redirect, decide.StatusCode);

        var group = await GroupAsync(groupId);
        Assert.Equal("川崎市認証 第2026-0777号", group.Certification!.Number);
        Assert.True(group.HasValidCertificationOn(today));
        var html = await city.Http.GetStringAsync(url);
        Assert.Contains("data-state=\"Valid\"", html);
        Assert.Contains(DemoAccounts.CityStaff, html);
        Assert.Contains("認証の付与", html);
    }

    [Fact]
    public async Task AGrantEndingBeforeItStartsIsRefusedWithTheErrorAndChangesNothing()
    {
        var (groupId, _) = await NewGroupAsync(factory);
        var city = await PageClient.CreateAsync(factory, DemoAccounts.CityStaff);
        var url = $"/City/Organizations/{groupId}/Certification";
        var today = Today();
        var fields = new Dictionary<string, string>
        {
            ["Action"] = "Grant",
            ["Number"] = "川崎市認証 第2026-0778号",
            ["ValidFrom"] = today.AddDays(30).ToString("yyyy-MM-dd"),
            ["ValidTo"] = today.ToString("yyyy-MM-dd"),
            ["Version"] = VersionOn(await city.Http.GetStringAsync(url)),
        };

        var before = await DatabaseChecksum.OfEveryTableAsync(factory);
        var refused = await city.PostFormWithTokenOfAsync(url, url + "?handler=Decide", fields);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", html);
        Assert.Matches("id=\"ValidTo-error\">[^<]+<", html);
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
        Assert.Null((await GroupAsync(groupId)).Certification);
    }

    [Fact]
    public async Task AnOfficerCannotOpenThePageNorDecide()
    {
        var (groupId, _) = await NewGroupAsync(factory);
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);
        var url = $"/City/Organizations/{groupId}/Certification";

        Assert.NotEqual(HttpStatusCode.OK, (await officer.Http.GetAsync(url)).StatusCode);
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);
        var today = Today();
        var post = await officer.PostFormWithTokenOfAsync("/", url + "?handler=Decide", new()
        {
            ["Action"] = "Grant",
            ["Number"] = "川崎市認証 第2026-0779号",
            ["ValidFrom"] = today.ToString("yyyy-MM-dd"),
            ["ValidTo"] = today.AddDays(365).ToString("yyyy-MM-dd"),
        });
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest
            || (post.StatusCode == HttpStatusCode.Redirect && post.Headers.Location?.ToString().Contains("/Certification", StringComparison.Ordinal) != true), $"{post.StatusCode}");
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
        Assert.Null((await GroupAsync(groupId)).Certification);
    }

    [Fact]
    public async Task CityStaffRenewSuspendAndRevokeThroughTheConfirmationStepAndTheGroupsPublicPageShowsEachState()
    {
        var (groupId, _) = await NewGroupAsync(factory);
        var city = await PageClient.CreateAsync(factory, DemoAccounts.CityStaff);
        var url = $"/City/Organizations/{groupId}/Certification";
        var anonymous = factory.CreateClient();
        var publicPage = $"/Organizations/{groupId}";
        var today = Today();
        Assert.Contains("市の認証なし", await anonymous.GetStringAsync(publicPage));

        await DecideAsync(city, url, new()
        {
            ["Action"] = "Grant", ["Number"] = "川崎市認証 第2026-0780号",
            ["ValidFrom"] = today.ToString("yyyy-MM-dd"), ["ValidTo"] = today.AddDays(200).ToString("yyyy-MM-dd"),
        });
        Assert.Contains("市の認証あり（", await anonymous.GetStringAsync(publicPage));

        var renewedTo = today.AddDays(400);
        await DecideAsync(city, url, new() { ["Action"] = "Grant", ["ValidTo"] = renewedTo.ToString("yyyy-MM-dd") });
        Assert.Equal(renewedTo, (await GroupAsync(groupId)).Certification!.Expires);
        Assert.Contains("認証の更新", await city.Http.GetStringAsync(url));

        await DecideAsync(city, url, new() { ["Action"] = "Suspend", ["Reason"] = "保険の失効を確認中のため。" });
        Assert.True((await GroupAsync(groupId)).Certification!.IsSuspended);
        var suspended = await anonymous.GetStringAsync(publicPage);
        Assert.Contains("data-certification-state=\"Suspended\"", suspended);
        Assert.Contains("認証の一時停止", suspended);

        await DecideAsync(city, url, new() { ["Action"] = "Revoke", ["Reason"] = "活動実態がないことを確認したため。" });
        Assert.True((await GroupAsync(groupId)).Certification!.IsRevoked);
        var revoked = await anonymous.GetStringAsync(publicPage);
        Assert.Contains("data-certification-state=\"Revoked\"", revoked);
        Assert.Contains("認証の取り消し", revoked);
        Assert.Equal(
            [CertificationDecisionKind.Granted, CertificationDecisionKind.Renewed, CertificationDecisionKind.Suspended, CertificationDecisionKind.Revoked],
            (await GroupAsync(groupId)).CertificationHistory.Select(d => d.Kind));
    }

    [Theory]
    [InlineData("Suspend", "", "Reason")]
    [InlineData("Grant", "renew-not-later", "ValidTo")]
    public async Task TheConfirmationStepShowsWhatTheDecisionWouldRefuseAndChangesNothing(string action, string what, string field)
    {
        var (groupId, _) = await NewGroupAsync(factory);
        var city = await PageClient.CreateAsync(factory, DemoAccounts.CityStaff);
        var url = $"/City/Organizations/{groupId}/Certification";
        var today = Today();
        await DecideAsync(city, url, new()
        {
            ["Action"] = "Grant", ["Number"] = "川崎市認証 第2026-0781号",
            ["ValidFrom"] = today.ToString("yyyy-MM-dd"), ["ValidTo"] = today.AddDays(200).ToString("yyyy-MM-dd"),
        });
        var fields = new Dictionary<string, string>
        {
            ["Action"] = action,
            ["Version"] = VersionOn(await city.Http.GetStringAsync(url)),
        };
        if (what == "renew-not-later")
        {
            // A renewal must end after the current mark does.
            fields["ValidTo"] = today.AddDays(100).ToString("yyyy-MM-dd");
        }

        var before = await DatabaseChecksum.OfEveryTableAsync(factory);
        var confirm = await city.PostFormWithTokenOfAsync(url, url + "?handler=Confirm", fields);

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var html = await confirm.Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"confirm\"", html);
        Assert.Contains("error-summary", html);
        Assert.Matches($"id=\"{field}-error\">[^<]+<", html);
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    /// <summary>Confirms, then decides, on the version the page shows; asserts the decision was taken.</summary>
    private static async Task DecideAsync(PageClient city, string url, Dictionary<string, string> fields)
    {
        fields["Version"] = VersionOn(await city.Http.GetStringAsync(url));
        var confirm = await city.PostFormWithTokenOfAsync(url, url + "?handler=Confirm", fields);
        Assert.Contains("id=\"confirm\"", await confirm.Content.ReadAsStringAsync());
        var decide = await city.PostFormWithTokenOfAsync(url, url + "?handler=Decide", fields);
        Assert.Equal(HttpStatusCode.Redirect, decide.StatusCode);
    }

    private DateOnly Today() => Domain.JapanTime.DateOf(factory.Clock.GetUtcNow());

    private static string VersionOn(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;

    private async Task<Organization> GroupAsync(int id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MatchboardDbContext>().Organizations.AsNoTracking().SingleAsync(o => o.Id == id);
    }
}
