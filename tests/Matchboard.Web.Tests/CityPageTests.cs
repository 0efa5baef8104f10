using System.Net;
using Matchboard.Web.Data;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>City staff verify or decline the groups that wait for 市による確認.</summary>
public sealed class CityPageTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task OnlyCityStaffReachTheVerificationPage()
    {
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);
        var group = await PageClient.CreateAsync(factory, DemoAccounts.UnverifiedStaff);
        var city = await PageClient.CreateAsync(factory, DemoAccounts.CityStaff);

        Assert.NotEqual(HttpStatusCode.OK, (await officer.Http.GetAsync("/City")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await group.Http.GetAsync("/City")).StatusCode);
        var page = await city.Http.GetAsync("/City");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("市による確認", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DecliningTakesAGroupOffTheWaitingListAndVerifyingLetsItBid()
    {
        var city = await PageClient.CreateAsync(factory, DemoAccounts.CityStaff);
        var groupId = await UnverifiedGroupIdAsync();
        var url = $"/City/Organizations/{groupId}";

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(city, url, "Declined", "書類が届いていません。")).StatusCode);
        Assert.True((await GroupAsync(groupId)).IsVerificationDeclined);
        Assert.DoesNotContain($"<a href=\"{url}\" aria-label", await city.Http.GetStringAsync("/City"));
        var again = await DecideAsync(city, url, "Declined", "二回目");
        Assert.Contains("error-summary", await again.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(city, url, "Verified", null)).StatusCode);
        var verified = await GroupAsync(groupId);
        Assert.True(verified.IsVerified);
        Assert.False(verified.IsVerificationDeclined);

        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var nowVerified = await ApiClient.SignInAsync(factory, DemoAccounts.UnverifiedStaff);
        Assert.Equal(groupId, (await nowVerified.BidAsync(task.Id)).GroupId);
    }

    /// <summary>A decision on the version the page shows now, as its confirmation step sends it.</summary>
    private async Task<HttpResponseMessage> DecideAsync(PageClient city, string url, string decision, string? reason)
    {
        var html = await city.Http.GetStringAsync(url);
        var version = System.Text.RegularExpressions.Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        var fields = new Dictionary<string, string> { ["Decision"] = decision, ["Version"] = version };
        if (reason is not null)
        {
            fields["Reason"] = reason;
        }

        return await city.PostFormWithTokenOfAsync(url, url + "?handler=Decide", fields);
    }

    private async Task<int> UnverifiedGroupIdAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        return await db.Users.Where(u => u.Email == DemoAccounts.UnverifiedStaff).Select(u => u.OrganizationId).SingleAsync();
    }

    private async Task<Domain.Organizations.Organization> GroupAsync(int id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MatchboardDbContext>().Organizations.AsNoTracking().SingleAsync(o => o.Id == id);
    }
}
