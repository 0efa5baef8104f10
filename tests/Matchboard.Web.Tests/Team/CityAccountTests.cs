using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using MimeKit;

namespace Matchboard.Web.Tests.Team;

/// <summary>City staff deactivate an account with a reason (access ends at once, recorded), reactivate it, and mail recovery links.</summary>
public sealed class CityAccountTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task DeactivationEndsTheCookieTheTokenAndTheRefreshTokenAndIsRecorded()
    {
        const string email = "officer.yurigaoka@example.jp";
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var browser = await PageClient.CreateAsync(factory, email);
        var login = await (await TeamSteps.LoginAsync(factory, email)).Content.ReadFromJsonAsync<JsonElement>();
        var bearer = factory.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        var userId = await TeamSteps.UserIdAsync(factory, email);

        var deactivate = await city.PostJsonAsync($"/api/city/accounts/{userId}/deactivate", new { reason = "役員を退任されたため。" });
        var account = await deactivate.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Http.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Http.GetAsync("/Team")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TeamSteps.LoginAsync(factory, email)).StatusCode);
        Assert.False(account.GetProperty("isActive").GetBoolean());
        var last = account.GetProperty("lastEvent");
        Assert.Equal("Deactivated", last.GetProperty("kind").GetString());
        Assert.Equal("役員を退任されたため。", last.GetProperty("reason").GetString());
        Assert.Equal("川崎市 地域活動推進課 担当者", last.GetProperty("byDisplayName").GetString());
        Assert.Equal(factory.Clock.GetUtcNow(), last.GetProperty("at").GetDateTimeOffset());

        var reactivate = await city.PostJsonAsync($"/api/city/accounts/{userId}/reactivate", null);
        Assert.Equal(HttpStatusCode.OK, reactivate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TeamSteps.LoginAsync(factory, email)).StatusCode);
    }

    [Fact]
    public async Task ADeactivationWithoutAReasonOrByAnyoneButCityStaffChangesNothing()
    {
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var userId = await TeamSteps.UserIdAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var noReason = await city.PostJsonAsync($"/api/city/accounts/{userId}/deactivate", new { reason = " " });
        var byOfficer = await officer.PostJsonAsync($"/api/city/accounts/{userId}/deactivate", new { reason = "勝手に" });
        var unknown = await city.PostJsonAsync("/api/city/accounts/no-such-user/deactivate", new { reason = "退任" });
        var self = await city.PostJsonAsync($"/api/city/accounts/{city.Me.UserId}/deactivate", new { reason = "自分" });
        var recoveryByOfficer = await officer.PostJsonAsync($"/api/city/accounts/{userId}/recovery-link", null);

        await ProblemAssert.HasCodeAsync(noReason, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        await ProblemAssert.HasCodeAsync(self, HttpStatusCode.Conflict, "account.self");
        Assert.Equal(HttpStatusCode.Forbidden, recoveryByOfficer.StatusCode);
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    [Fact]
    public async Task ARecoveryLinkIsMailedToTheConfirmedAddressAndSetsANewPasswordOnce()
    {
        const string email = "staff.satoyama@example.jp";
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var userId = await TeamSteps.UserIdAsync(factory, email);
        var mark = factory.DroppedMailFiles();

        var send = await city.PostJsonAsync($"/api/city/accounts/{userId}/recovery-link", null);
        var mail = Assert.Single(factory.DroppedMailSince(mark));
        var link = TeamSteps.LinkOf(mail, "/Accounts/SetPassword");
        var user = await PageClient.CreateAsync(factory);
        var set = await user.PostFormAsync(link, new() { ["Password"] = "Recovered-2026!", ["ConfirmPassword"] = "Recovered-2026!" });
        var again = await user.Http.GetStringAsync(link);
        var account = await city.GetAsync<JsonElement>($"/api/city/accounts/{userId}");

        Assert.Equal(HttpStatusCode.Accepted, send.StatusCode);
        Assert.Equal(email, ((MailboxAddress)mail.To.Single()).Address);
        Assert.DoesNotContain(DemoAccounts.Password, mail.TextBody);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TeamSteps.LoginAsync(factory, email, "Recovered-2026!")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TeamSteps.LoginAsync(factory, email)).StatusCode);
        Assert.DoesNotContain("<form method=\"post\"", again.Split("<main")[^1]);
        Assert.Equal("RecoveryLinkSent", account.GetProperty("lastEvent").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task NoRecoveryLinkForADeactivatedAccount()
    {
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var userId = await TeamSteps.UserIdAsync(factory, "staff.bousai@example.jp");
        await city.PostJsonAsync($"/api/city/accounts/{userId}/deactivate", new { reason = "団体を離れたため。" });
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);
        var mark = factory.DroppedMailFiles();

        var send = await city.PostJsonAsync($"/api/city/accounts/{userId}/recovery-link", null);

        await ProblemAssert.HasCodeAsync(send, HttpStatusCode.Conflict, "account.deactivated");
        Assert.Empty(factory.DroppedMailSince(mark));
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    [Fact]
    public async Task TheCityAccountsPageDeactivatesWithAReasonAndReactivates()
    {
        var city = await PageClient.CreateAsync(factory, DemoAccounts.CityStaff);
        var userId = await TeamSteps.UserIdAsync(factory, "staff.lifesupport@example.jp");

        var page = await city.Http.GetStringAsync("/City/Accounts?q=lifesupport");
        var off = await city.PostFormAsync("/City/Accounts?handler=Deactivate", new() { ["userId"] = userId, ["reason"] = "退職されたため。" });
        var after = await city.Http.GetStringAsync("/City/Accounts?q=lifesupport");
        var on = await city.PostFormAsync("/City/Accounts?handler=Reactivate", new() { ["userId"] = userId });

        Assert.Contains("staff.lifesupport@example.jp", page);
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Contains("停止中", after);
        Assert.Contains("退職されたため。", after);
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TeamSteps.LoginAsync(factory, "staff.lifesupport@example.jp")).StatusCode);
    }
}
