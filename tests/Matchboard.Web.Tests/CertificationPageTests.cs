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

    private DateOnly Today() => Domain.JapanTime.DateOf(factory.Clock.GetUtcNow());

    private static string VersionOn(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;

    private async Task<Organization> GroupAsync(int id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MatchboardDbContext>().Organizations.AsNoTracking().SingleAsync(o => o.Id == id);
    }
}
