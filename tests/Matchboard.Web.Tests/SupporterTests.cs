using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Support;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Support;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// Individual supporters: an association sees the ones near it only by ward and categories, asks one for help with
/// a task, and learns its name and contact only once it accepts. A supporter never reaches bids, contracts or visits.
/// </summary>
public sealed class SupporterTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task AnAssociationSeesTheVerifiedSupportersOfItsAndTheNeighbouringWardsOnlyByWardAndCategories()
    {
        var kizuki = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var mizonokuchi = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var kosugi = await ApiClient.SignInAsync(factory, DemoAccounts.KosugiSupporter);
        var unverified = await AddSupporterAsync("中原 未確認", verified: false);
        // Asao does not border Nakahara (seed-data/ward-adjacency.json); Takatsu, Mizonokuchi's ward, does.
        var far = await AddSupporterAsync("麻生 確認済み", verified: true, ward: "asao");

        var near = await kizuki.Http.GetFromJsonAsync<JsonElement>("/api/supporters");
        var nextDoor = await mizonokuchi.GetAsync<List<NearbySupporterDto>>("/api/supporters");
        var byOtherCategory = await kizuki.GetAsync<List<NearbySupporterDto>>("/api/supporters?category=cleanup");

        var listed = near.EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == kosugi.OrganizationId);
        Assert.Equal(["id", "ward", "categories"], listed.EnumerateObject().Select(p => p.Name));
        Assert.Equal("nakahara", listed.GetProperty("ward").GetString());
        Assert.DoesNotContain(near.EnumerateArray(), s => s.GetProperty("id").GetInt32() == unverified);
        Assert.DoesNotContain(near.EnumerateArray(), s => s.GetProperty("id").GetInt32() == far);
        Assert.Contains(nextDoor, s => s.Id == kosugi.OrganizationId && s.Ward == "nakahara");
        Assert.DoesNotContain(nextDoor, s => s.Id == far);
        Assert.DoesNotContain(byOtherCategory, s => s.Id == kosugi.OrganizationId);

        // The page says 「中原区の個人サポーター（…）」 and never the name; the public record does not exist for a supporter.
        var page = await (await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer)).Http.GetStringAsync("/Support");
        var html = page[..page.IndexOf("id=\"sent-heading\"", StringComparison.Ordinal)];
        Assert.Contains("中原区の個人サポーター（高齢者の見守り・回覧・広報の配布）", html);
        Assert.DoesNotContain("小杉 みどり", html);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/organizations/{kosugi.OrganizationId}/reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/Organizations/{kosugi.OrganizationId}")).StatusCode);
    }

    [Fact]
    public async Task ARequestIsAnsweredWithNotificationsBothWaysAndOnlyAcceptanceRevealsTheSupporter()
    {
        var kizuki = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var kosugi = await ApiClient.SignInAsync(factory, DemoAccounts.KosugiSupporter);
        var mizonokuchi = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await kizuki.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));

        var sent = await SendAsync(kizuki, kosugi.OrganizationId, task.Id);

        Assert.Equal(SupportRequestStatus.Open, sent.Status);
        Assert.Null(sent.Contact);
        Assert.Contains(await kosugi.AllNotificationsAsync(), n => n.Type == NotificationType.SupportRequested && n.TaskId == task.Id);
        var received = (await kosugi.GetAsync<SupportRequestListDto>("/api/support-requests")).Received.Single(r => r.Id == sent.Id);
        Assert.Equal("木月三丁目町内会", received.AssociationName);

        // Another association: the request does not exist for it.
        Assert.Equal(HttpStatusCode.NotFound, (await mizonokuchi.Http.GetAsync($"/api/support-requests/{sent.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mizonokuchi.PostJsonAsync($"/api/support-requests/{sent.Id}/withdraw", null)).StatusCode);
        Assert.DoesNotContain((await mizonokuchi.GetAsync<SupportRequestListDto>("/api/support-requests")).Sent, r => r.Id == sent.Id);

        var accepted = await kosugi.PostJsonAsync($"/api/support-requests/{sent.Id}/accept", null);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains(await kizuki.AllNotificationsAsync(), n => n.Type == NotificationType.SupportAnswered && n.TaskId == task.Id);
        var now = await kizuki.GetAsync<SentSupportRequestDto>($"/api/support-requests/{sent.Id}");
        Assert.Equal(SupportRequestStatus.Accepted, now.Status);
        Assert.Equal(new SupporterContactDto("小杉 みどり", DemoAccounts.KosugiSupporter, "平日の午前（月・水・金）"), now.Contact);
        var html = await (await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer)).Http.GetStringAsync("/Support");
        Assert.Contains("小杉 みどり", html);
        Assert.DoesNotContain("小杉 みどり", await (await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer)).Http.GetStringAsync("/Support"));
    }

    [Fact]
    public async Task ADeclinedRequestRevealsNothing()
    {
        var kizuki = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var kosugi = await ApiClient.SignInAsync(factory, DemoAccounts.KosugiSupporter);
        var task = await kizuki.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        var sent = await SendAsync(kizuki, kosugi.OrganizationId, task.Id);

        (await kosugi.PostJsonAsync($"/api/support-requests/{sent.Id}/decline", null)).EnsureSuccessStatusCode();

        var now = await kizuki.GetAsync<SentSupportRequestDto>($"/api/support-requests/{sent.Id}");
        Assert.Equal(SupportRequestStatus.Declined, now.Status);
        Assert.Null(now.Contact);
        var again = await kosugi.PostJsonAsync($"/api/support-requests/{sent.Id}/accept", null);
        await ProblemAssert.HasCodeAsync(again, HttpStatusCode.Conflict, "support.not-open");
    }

    [Fact]
    public async Task ASecondOpenRequestToTheSameSupporterForTheSameTaskIsAConflictAndCreatesNothing()
    {
        var kizuki = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var kosugi = await ApiClient.SignInAsync(factory, DemoAccounts.KosugiSupporter);
        var task = await kizuki.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        var first = await SendAsync(kizuki, kosugi.OrganizationId, task.Id);
        var before = await CountAsync();
        var notificationsBefore = (await kosugi.AllNotificationsAsync()).Count;

        var second = await kizuki.PostJsonAsync("/api/support-requests", new { supporterId = kosugi.OrganizationId, taskId = task.Id });

        await ProblemAssert.HasCodeAsync(second, HttpStatusCode.Conflict, "support.already-requested");
        Assert.Equal(before, await CountAsync());
        Assert.Equal(notificationsBefore, (await kosugi.AllNotificationsAsync()).Count);

        // Once the first is withdrawn, the association may ask again.
        (await kizuki.PostJsonAsync($"/api/support-requests/{first.Id}/withdraw", null)).EnsureSuccessStatusCode();
        await SendAsync(kizuki, kosugi.OrganizationId, task.Id);
    }

    [Fact]
    public async Task RequestsForAnotherAssociationsTaskAnUnverifiedOrFarSupporterOrAnUnofferedCategoryAreRefused()
    {
        var kizuki = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var mizonokuchi = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var kosugi = await ApiClient.SignInAsync(factory, DemoAccounts.KosugiSupporter);
        var task = await kizuki.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        var cleanup = await kizuki.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var unverified = await AddSupporterAsync("中原 確認待ち", verified: false);
        var far = await AddSupporterAsync("麻生 遠方", verified: true, ward: "asao");
        var before = await CountAsync();

        await ProblemAssert.HasCodeAsync(await mizonokuchi.PostJsonAsync("/api/support-requests", new { supporterId = kosugi.OrganizationId, taskId = task.Id }), HttpStatusCode.Forbidden, "support.not-your-task");
        await ProblemAssert.HasCodeAsync(await kizuki.PostJsonAsync("/api/support-requests", new { supporterId = unverified, taskId = task.Id }), HttpStatusCode.NotFound, "supporter.not-found");
        await ProblemAssert.HasCodeAsync(await kizuki.PostJsonAsync("/api/support-requests", new { supporterId = far, taskId = task.Id }), HttpStatusCode.NotFound, "supporter.not-found");
        await ProblemAssert.HasCodeAsync(await kizuki.PostJsonAsync("/api/support-requests", new { supporterId = kosugi.OrganizationId, taskId = cleanup.Id }), HttpStatusCode.UnprocessableEntity, "support.category-not-offered");
        await ProblemAssert.HasCodeAsync(await kizuki.PostJsonAsync("/api/support-requests", new { taskId = task.Id }), HttpStatusCode.BadRequest, "validation");

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task ASupporterCannotReachBidsContractsVisitsOrAlertsAndNothingChanges()
    {
        var steps = await ContractSteps.ActiveAsync(factory);
        var kosugi = await ApiClient.SignInAsync(factory, DemoAccounts.KosugiSupporter);
        var open = await steps.Officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        var pages = await PageClient.CreateAsync(factory, DemoAccounts.KosugiSupporter);
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var refused = new Dictionary<string, HttpStatusCode>
        {
            ["POST bid"] = (await kosugi.PostJsonAsync($"/api/tasks/{open.Id}/bids", Requests.Bid(150_000))).StatusCode,
            ["GET bids"] = (await kosugi.Http.GetAsync($"/api/tasks/{open.Id}/bids")).StatusCode,
            ["POST question"] = (await kosugi.PostJsonAsync($"/api/tasks/{open.Id}/questions", new { text = "駐車場はありますか。" })).StatusCode,
            ["GET contract"] = (await kosugi.Http.GetAsync(steps.Url())).StatusCode,
            ["GET visits"] = (await kosugi.Http.GetAsync(steps.Url("/visits"))).StatusCode,
            ["POST household"] = (await kosugi.PostJsonAsync(steps.Url("/households"), new { label = "X-01" })).StatusCode,
            ["GET alerts"] = (await kosugi.Http.GetAsync("/api/alerts")).StatusCode,
            ["GET reviews"] = (await kosugi.Http.GetAsync(steps.Url("/reviews"))).StatusCode,
            ["page contracts"] = (await pages.Http.GetAsync("/Contracts")).StatusCode,
            ["page contract"] = (await pages.Http.GetAsync($"/Contracts/{steps.ContractId}")).StatusCode,
            ["page work"] = (await pages.Http.GetAsync($"/Contracts/{steps.ContractId}/Work")).StatusCode,
            ["page alerts"] = (await pages.Http.GetAsync("/Alerts")).StatusCode,
            ["page my bids"] = (await pages.Http.GetAsync("/Bids/Mine")).StatusCode,
        };

        Assert.All(refused, r => Assert.True(r.Value == HttpStatusCode.Forbidden, $"{r.Key}: {(int)r.Value}"));
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));

        // What a supporter does see: the board, a task, its own requests.
        Assert.Equal(HttpStatusCode.OK, (await kosugi.Http.GetAsync($"/api/tasks/{open.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pages.Http.GetAsync("/Support/Requests")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pages.Http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task AnAcceptanceAndAWithdrawalAtOnceLeaveOneWinnerAndACleanConflict()
    {
        var kizuki = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var kosugi = await ApiClient.SignInAsync(factory, DemoAccounts.KosugiSupporter);
        for (var round = 0; round < 5; round++)
        {
            var task = await kizuki.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
            var sent = await SendAsync(kizuki, kosugi.OrganizationId, task.Id);

            var answers = await Task.WhenAll(
                kosugi.PostJsonAsync($"/api/support-requests/{sent.Id}/accept", null),
                kizuki.PostJsonAsync($"/api/support-requests/{sent.Id}/withdraw", null));

            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            var loser = answers.Single(a => a.StatusCode != HttpStatusCode.OK);
            var problem = await ProblemAssert.IsProblemAsync(loser, HttpStatusCode.Conflict);
            Assert.Contains(problem.GetProperty("code").GetString(), new[] { "support.not-open", "concurrency" });
            var final = await kizuki.GetAsync<SentSupportRequestDto>($"/api/support-requests/{sent.Id}");
            Assert.Equal(answers[0].StatusCode == HttpStatusCode.OK ? SupportRequestStatus.Accepted : SupportRequestStatus.Withdrawn, final.Status);
            Assert.Equal(final.Status == SupportRequestStatus.Accepted, final.Contact is not null);
        }
    }

    [Fact]
    public async Task WithdrawingARequestTellsTheSupporterWhoseListShowsItWithdrawn()
    {
        var kizuki = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var kosugi = await ApiClient.SignInAsync(factory, DemoAccounts.KosugiSupporter);
        var task = await kizuki.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        var sent = await SendAsync(kizuki, kosugi.OrganizationId, task.Id);

        var withdrawn = await kizuki.PostJsonAsync($"/api/support-requests/{sent.Id}/withdraw", null);

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var notice = Assert.Single(await kosugi.AllNotificationsAsync(), n => n.Type == NotificationType.SupportWithdrawn && n.TaskId == task.Id);
        Assert.Equal("/Support/Requests", notice.Path);
        Assert.DoesNotContain(await kizuki.AllNotificationsAsync(), n => n.Type == NotificationType.SupportWithdrawn);
        var list = await kosugi.GetAsync<SupportRequestListDto>("/api/support-requests");
        Assert.Equal(SupportRequestStatus.Withdrawn, Assert.Single(list.Received, r => r.Id == sent.Id).Status);
    }

    private static async Task<SentSupportRequestDto> SendAsync(ApiClient association, int supporterId, int taskId)
    {
        var response = await association.PostJsonAsync("/api/support-requests", new { supporterId, taskId, message = "土曜日の午前にお願いします。" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SentSupportRequestDto>(ApiClient.Json))!;
    }

    private async Task<int> CountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MatchboardDbContext>().SupportRequests.CountAsync();
    }

    /// <summary>A supporter made directly through the domain and UserManager (sign-up is another helper's).</summary>
    private async Task<int> AddSupporterAsync(string name, bool verified, string ward = "nakahara")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var supporter = Organization.CreateSupporter(name, ward, ["watch-over"], "土日");
        if (verified)
        {
            supporter.Verify();
        }

        db.Organizations.Add(supporter);
        await db.SaveChangesAsync();
        await TestUsers.AddAsync(factory, supporter.Id);
        return supporter.Id;
    }
}
