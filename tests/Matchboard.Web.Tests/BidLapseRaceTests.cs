using System.Net;
using System.Net.Http.Json;
using Matchboard.Domain;
using Matchboard.Domain.Bids;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Certifications;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// A bid on a task that requires the city's mark, placed while city staff suspend the group's mark: whichever
/// commits first, the group never ends up with a live bid it no longer qualifies for.
/// </summary>
public sealed class BidLapseRaceTests
{
    private const int Rounds = 8;

    [Fact]
    public async Task ABidRacingASuspensionOfTheMarkNeverStaysLive()
    {
        await using var factory = new MatchboardFactory();
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var mark = $"/api/organizations/{group.OrganizationId}/certification";
        var outcomes = new List<HttpStatusCode>();

        for (var round = 0; round < Rounds; round++)
        {
            var task = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
            var bid = group.Http.PostAsJsonAsync($"/api/tasks/{task.Id}/bids", Requests.Bid(150_000, earliestStart: task.StartDate));
            var suspension = SuspendAsync(city, mark);
            var placed = await bid;
            await suspension;
            outcomes.Add(placed.StatusCode);

            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
                var bids = await db.Bids.AsNoTracking().Where(b => b.TaskId == task.Id).ToListAsync();
                Assert.DoesNotContain(bids, b => b.IsLive);
                if (placed.StatusCode == HttpStatusCode.Created)
                {
                    // It committed first, and the suspension's lapse withdrew it.
                    Assert.Equal(BidStatus.Withdrawn, Assert.Single(bids).Status);
                }
                else
                {
                    Assert.Equal(HttpStatusCode.UnprocessableEntity, placed.StatusCode);
                    Assert.Empty(bids);
                }
            }

            // A new mark for the next round (a suspended mark is replaced by a grant).
            var today = JapanTime.DateOf(factory.Clock.GetUtcNow());
            var granted = await city.PostJsonAsync(mark, new { number = $"川崎市認証 第2026-09{round:00}号", validFrom = today, validTo = today.AddDays(365) });
            Assert.True(granted.IsSuccessStatusCode, await granted.Content.ReadAsStringAsync());
        }

        Assert.Equal(Rounds, outcomes.Count);
    }

    /// <summary>Suspends on the version read just before; a decision that lost to a concurrent change is read again and retried, as staff would.</summary>
    private static async Task SuspendAsync(ApiClient city, string mark)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var version = (await city.GetAsync<CertificationStatusDto>(mark)).Version;
            var response = await city.PostJsonAsync(mark + "/suspend", new { reason = "調査のため一時停止します。", version });
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await ProblemAssert.HasCodeAsync(response, HttpStatusCode.Conflict, "concurrency");
        }

        Assert.Fail("The suspension never went through.");
    }
}
