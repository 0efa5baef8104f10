using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Matchboard.Web.Tests.Infrastructure;
using MimeKit;

namespace Matchboard.Web.Tests.Team;

/// <summary>An officer invites by email; the invited person joins that organization, once, within seven days.</summary>
public sealed class TeamInvitationTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task AnInvitedPersonJoinsTheInvitingAssociationFromTheMailAndIsSignedInAsItsMember()
    {
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);
        var kizuki = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var mark = factory.DroppedMailFiles();

        var invite = await officer.PostFormAsync("/Team?handler=Invite", new() { ["Email"] = "new.officer.kizuki@example.jp" });
        var mail = Assert.Single(factory.DroppedMailSince(mark));
        var link = TeamSteps.LinkOf(mail, "/Team/Join");
        var newcomer = await PageClient.CreateAsync(factory);
        var joinPage = await newcomer.Http.GetStringAsync(link);
        var join = await newcomer.PostFormAsync(link, new() { ["DisplayName"] = "木月 花子", ["Password"] = "Hanako-2026!", ["ConfirmPassword"] = "Hanako-2026!" });
        var me = await newcomer.Http.GetFromJsonAsync<JsonElement>("/api/me");
        var team = await newcomer.Http.GetStringAsync("/Team");

        Assert.Equal(HttpStatusCode.Redirect, invite.StatusCode);
        Assert.Equal("new.officer.kizuki@example.jp", ((MailboxAddress)mail.To.Single()).Address);
        Assert.Contains("木月三丁目町内会", mail.Subject);
        Assert.Contains("木月三丁目町内会", joinPage);
        Assert.Equal(HttpStatusCode.Redirect, join.StatusCode);
        Assert.Equal("/Team", join.Headers.Location!.OriginalString);
        Assert.Equal(kizuki.OrganizationId, me.GetProperty("organization").GetProperty("id").GetInt32());
        Assert.Equal("木月 花子", me.GetProperty("displayName").GetString());
        Assert.Contains("木月 花子", team);
        Assert.Contains("木月三丁目町内会 役員", team);
    }

    [Fact]
    public async Task TheTokenIsStoredOnlyAsAHash()
    {
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);

        var token = await TeamSteps.InviteAndReadTokenAsync(factory, group, "hash.check@example.jp");
        var everything = string.Join("\n", (await DatabaseDump.InvitationsAsync(factory)));

        Assert.DoesNotContain(token, everything);
    }

    [Fact]
    public async Task AGroupsStaffMemberInvitesStaffWhoJoinTheGroupThroughTheApi()
    {
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);

        var member = await TeamSteps.NewMemberAsync(factory, group, "second.staff.mimamori@example.jp", "見守り 次郎");
        var team = await group.GetAsync<JsonElement>("/api/team");

        Assert.Equal(group.OrganizationId, member.OrganizationId);
        Assert.Contains(team.GetProperty("members").EnumerateArray(), m => m.GetProperty("email").GetString() == "second.staff.mimamori@example.jp");
        Assert.Empty(team.GetProperty("pendingInvitations").EnumerateArray());
    }

    [Fact]
    public async Task CityStaffInviteCityStaff()
    {
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);

        var colleague = await TeamSteps.NewMemberAsync(factory, city, "second.city@example.jp", "市 職員二");
        var accounts = await colleague.Http.GetAsync("/api/city/accounts");

        Assert.Equal(city.OrganizationId, colleague.OrganizationId);
        Assert.Equal(HttpStatusCode.OK, accounts.StatusCode);
    }

    [Fact]
    public async Task AUsedLinkIsRefusedAndChangesNothing()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var token = await TeamSteps.InviteAndReadTokenAsync(factory, officer, "twice@example.jp");
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/invitations/accept", new { token, displayName = "一回目", password = "First-2026!" })).StatusCode);
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var again = await anonymous.PostAsJsonAsync("/api/invitations/accept", new { token, displayName = "二回目", password = "Second-2026!" });
        var page = await (await PageClient.CreateAsync(factory)).Http.GetStringAsync($"/Team/Join?token={token}");

        await ProblemAssert.HasCodeAsync(again, HttpStatusCode.Conflict, "invitation.used");
        Assert.Contains("join-refused", page);
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    [Fact]
    public async Task AnExpiredLinkIsRefusedAndChangesNothing()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var token = await TeamSteps.InviteAndReadTokenAsync(factory, officer, "late@example.jp");
        factory.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var accept = await factory.CreateClient().PostAsJsonAsync("/api/invitations/accept", new { token, displayName = "遅い 人", password = "Late-2026!" });
        var newcomer = await PageClient.CreateAsync(factory);
        // The form was opened while the link was valid; the expired page itself shows no form (and, being anonymous, no token).
        var pagePost = await newcomer.PostFormWithTokenOfAsync("/Accounts/SignIn", $"/Team/Join?token={token}", new() { ["DisplayName"] = "遅い 人", ["Password"] = "Late-2026!", ["ConfirmPassword"] = "Late-2026!" });

        await ProblemAssert.HasCodeAsync(accept, HttpStatusCode.Conflict, "invitation.expired");
        Assert.Equal(HttpStatusCode.OK, pagePost.StatusCode);
        Assert.Contains("join-refused", await pagePost.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await TeamSteps.LoginAsync(factory, "late@example.jp", "Late-2026!")).StatusCode);
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    [Fact]
    public async Task AnAddressThatAlreadyHasAnAccountIsToldSoAndNothingIsSent()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);
        var mark = factory.DroppedMailFiles();

        var invite = await officer.PostJsonAsync("/api/team/invitations", new { email = DemoAccounts.MimamoriStaff });

        await ProblemAssert.HasCodeAsync(invite, HttpStatusCode.Conflict, "invitation.account-exists");
        Assert.Empty(factory.DroppedMailSince(mark));
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    [Fact]
    public async Task AMalformedAddressIsRefusedWithItsFieldAndChangesNothing()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var invite = await officer.PostJsonAsync("/api/team/invitations", new { email = "not an address" });

        var problem = await ProblemAssert.HasCodeAsync(invite, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _));
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    [Fact]
    public async Task AWithdrawnInvitationNoLongerWorksAndAnotherOrganizationCannotWithdrawIt()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var other = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var token = await TeamSteps.InviteAndReadTokenAsync(factory, officer, "withdrawn@example.jp");
        var id = (await officer.GetAsync<JsonElement>("/api/team")).GetProperty("pendingInvitations").EnumerateArray()
            .Single(i => i.GetProperty("email").GetString() == "withdrawn@example.jp").GetProperty("id").GetInt32();
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var byOther = await other.Http.DeleteAsync($"/api/team/invitations/{id}");
        var unchanged = DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory));
        var byOwner = await officer.Http.DeleteAsync($"/api/team/invitations/{id}");
        var accept = await factory.CreateClient().PostAsJsonAsync("/api/invitations/accept", new { token, displayName = "取消 済", password = "Gone-2026!" });

        await ProblemAssert.IsProblemAsync(byOther, HttpStatusCode.NotFound);
        Assert.Empty(unchanged);
        Assert.Equal(HttpStatusCode.NoContent, byOwner.StatusCode);
        await ProblemAssert.HasCodeAsync(accept, HttpStatusCode.Conflict, "invitation.revoked");
    }

    [Fact]
    public async Task AnUnknownTokenIsNotFound()
    {
        var accept = await factory.CreateClient().PostAsJsonAsync("/api/invitations/accept", new { token = "forged", displayName = "誰か", password = "Forged-2026!" });

        await ProblemAssert.HasCodeAsync(accept, HttpStatusCode.NotFound, "invitation.not-found");
    }

    [Fact]
    public async Task AWeakPasswordIsRefusedAndTheLinkStillWorks()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var token = await TeamSteps.InviteAndReadTokenAsync(factory, officer, "weak@example.jp");
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var weak = await factory.CreateClient().PostAsJsonAsync("/api/invitations/accept", new { token, displayName = "弱い 人", password = "abc" });
        var unchanged = DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory));
        var strong = await factory.CreateClient().PostAsJsonAsync("/api/invitations/accept", new { token, displayName = "強い 人", password = "Strong-2026!" });

        var problem = await ProblemAssert.HasCodeAsync(weak, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
        Assert.Empty(unchanged);
        Assert.Equal(HttpStatusCode.OK, strong.StatusCode);
    }
}
