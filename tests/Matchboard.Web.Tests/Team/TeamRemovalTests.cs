using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests.Team;

/// <summary>The first member removes a member, whose cookie and token stop at once; at least one member always remains.</summary>
public sealed class TeamRemovalTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task TheFirstOfficerRemovesAnOfficerWhoseCookieAndTokenStopOnTheNextRequest()
    {
        var first = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var member = await TeamSteps.NewMemberAsync(factory, first, "leaving.kizuki@example.jp");
        var browser = await PageClient.CreateAsync(factory, "leaving.kizuki@example.jp");
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/api/me")).StatusCode);

        var remove = await first.Http.DeleteAsync($"/api/team/members/{member.Me.UserId}");
        var team = await first.GetAsync<JsonElement>("/api/team");

        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await member.Http.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Http.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TeamSteps.LoginAsync(factory, "leaving.kizuki@example.jp")).StatusCode);
        Assert.DoesNotContain(team.GetProperty("members").EnumerateArray(), m => m.GetProperty("userId").GetString() == member.Me.UserId);
    }

    [Fact]
    public async Task OnlyTheFirstOfficerRemovesAndARefusalChangesNothing()
    {
        var first = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var member = await TeamSteps.NewMemberAsync(factory, first, "second.mizonokuchi@example.jp");
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var remove = await member.Http.DeleteAsync($"/api/team/members/{first.Me.UserId}");

        await ProblemAssert.HasCodeAsync(remove, HttpStatusCode.UnprocessableEntity, "team.not-first-member");
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    [Fact]
    public async Task AnOfficerCannotRemoveFromAnotherOrganization()
    {
        var outsider = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var victim = await TeamSteps.UserIdAsync(factory, "officer.daishi@example.jp");
        var browser = await PageClient.CreateAsync(factory, DemoAccounts.TamagawaStaff);
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var remove = await outsider.Http.DeleteAsync($"/api/team/members/{victim}");
        var page = await browser.PostFormAsync("/Team?handler=Remove", new() { ["userId"] = victim });

        await ProblemAssert.IsProblemAsync(remove, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    [Fact]
    public async Task TheLastMemberCannotBeRemoved()
    {
        var alone = await ApiClient.SignInAsync(factory, "officer.daishi@example.jp");
        var browser = await PageClient.CreateAsync(factory, "officer.daishi@example.jp");
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var remove = await alone.Http.DeleteAsync($"/api/team/members/{alone.Me.UserId}");
        var page = await browser.PostFormAsync("/Team?handler=Remove", new() { ["userId"] = alone.Me.UserId });

        await ProblemAssert.HasCodeAsync(remove, HttpStatusCode.UnprocessableEntity, "team.last-member");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("最後の一人は外せません", await page.Content.ReadAsStringAsync());
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    [Fact]
    public async Task TwoRemovalsAtOnceNeverLeaveTheTeamEmpty()
    {
        var first = await ApiClient.SignInAsync(factory, "officer.saginuma@example.jp");
        var member = await TeamSteps.NewMemberAsync(factory, first, "second.saginuma@example.jp");
        var first2 = await ApiClient.SignInAsync(factory, "officer.saginuma@example.jp");

        var answers = await Task.WhenAll(
            first.Http.DeleteAsync($"/api/team/members/{member.Me.UserId}"),
            first2.Http.DeleteAsync($"/api/team/members/{first.Me.UserId}"));
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var stillActive = 0;
        foreach (var id in new[] { first.Me.UserId, member.Me.UserId })
        {
            if ((await city.GetAsync<JsonElement>($"/api/city/accounts/{id}")).GetProperty("isActive").GetBoolean())
            {
                stillActive++;
            }
        }

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.NoContent);
        Assert.Single(answers, a => a.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict);
        Assert.Equal(1, stillActive);
    }

    [Fact]
    public async Task TheTeamPageListsMembersAndPendingInvitationsAndWithdrawsOne()
    {
        var officer = await PageClient.CreateAsync(factory, "officer.noborito@example.jp");
        await officer.PostFormAsync("/Team?handler=Invite", new() { ["Email"] = "pending.noborito@example.jp" });
        var page = await officer.Http.GetStringAsync("/Team");
        var id = System.Text.RegularExpressions.Regex.Match(page, "data-invitation-id=\"(\\d+)\"").Groups[1].Value;

        var revoke = await officer.PostFormAsync("/Team?handler=Revoke", new() { ["invitationId"] = id });
        var after = await officer.Http.GetStringAsync("/Team");

        Assert.Contains("pending.noborito@example.jp", page);
        Assert.Contains("登戸町内会 役員", page);
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.DoesNotContain("pending.noborito@example.jp", after);
    }
}
