using System.Net;
using System.Net.Http.Json;
using Matchboard.Domain;
using Matchboard.Domain.Bids;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Features.Certifications;
using Matchboard.Web.Infrastructure.Scheduling;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// The certification mark over HTTP: city staff grant, renew, suspend and revoke it; refusals change nothing; an
/// expired mark is refused the day after expiry; a lapse withdraws live bids and leaves contracts in place; the
/// expiry notices go out once each. Each test has a host of its own: they move its clock and change the seed's marks.
/// </summary>
public sealed class CertificationLifecycleApiTests
{
    private static string Url(int organizationId, string path = "") => $"/api/organizations/{organizationId}/certification{path}";

    private static DateOnly TodayOf(MatchboardFactory factory) => JapanTime.DateOf(factory.Clock.GetUtcNow());

    private static async Task<CertificationStatusDto> DecideAsync(ApiClient city, string url, object body)
    {
        var response = await city.PostJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<CertificationStatusDto>(ApiClient.Json))!;
    }

    private static Task<int> SweepAsync(MatchboardFactory factory) =>
        factory.Services.GetRequiredService<Sweeper>().SweepAsync(CancellationToken.None);

    private static async Task<List<NotificationType>> TypesAsync(ApiClient client) =>
        (await client.AllNotificationsAsync()).Select(n => n.Type).ToList();

    [Fact]
    public async Task CityStaffGrantRenewSuspendAndRevokeAMarkAndTheGroupIsToldOfEach()
    {
        await using var factory = new MatchboardFactory();
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var today = TodayOf(factory);

        var granted = await DecideAsync(city, Url(group.OrganizationId),
            new { number = "川崎市認証 第2026-0500号", validFrom = today, validTo = today.AddDays(365), note = "書類を確認しました。" });
        Assert.Equal(CertificationState.Valid, granted.State);
        var renewed = await DecideAsync(city, Url(group.OrganizationId), new { number = "川崎市認証 第2027-0100号", validTo = today.AddDays(730) });
        Assert.Equal((CertificationState.Valid, today.AddDays(730), "川崎市認証 第2027-0100号"), (renewed.State, renewed.ValidTo, renewed.Number));
        var suspended = await DecideAsync(city, Url(group.OrganizationId, "/suspend"), new { reason = "活動報告が提出されていません。" });
        Assert.Equal(CertificationState.Suspended, suspended.State);
        var revoked = await DecideAsync(city, Url(group.OrganizationId, "/revoke"), new { reason = "改善が見られないため取り消します。" });
        Assert.Equal(CertificationState.Revoked, revoked.State);

        var history = (await city.GetAsync<CertificationStatusDto>(Url(group.OrganizationId))).History;
        Assert.Equal(
            [CertificationDecisionKind.Granted, CertificationDecisionKind.Renewed, CertificationDecisionKind.Suspended, CertificationDecisionKind.Revoked],
            history.Select(d => d.Kind));
        Assert.All(history, d => Assert.Equal(DemoAccounts.CityStaff, d.DecidedBy));
        Assert.Equal("改善が見られないため取り消します。", history[^1].Reason);
        var told = await TypesAsync(group);
        Assert.Equal(
            [NotificationType.CertificationGranted, NotificationType.CertificationRenewed, NotificationType.CertificationSuspended, NotificationType.CertificationRevoked],
            told.Where(t => t.ToString().StartsWith("Certification", StringComparison.Ordinal)));

        // A revocation is final: revoking twice is a conflict and changes nothing.
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);
        await ProblemAssert.HasCodeAsync(
            await city.PostJsonAsync(Url(group.OrganizationId, "/revoke"), new { reason = "二度目" }), HttpStatusCode.Conflict, "certification.revoked");
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    [Theory]
    [InlineData(DemoAccounts.KizukiOfficer)]
    [InlineData(DemoAccounts.TamagawaStaff)]
    public async Task SomeoneWhoIsNotCityStaffIsRefusedAndNothingChanges(string email)
    {
        await using var factory = new MatchboardFactory();
        var caller = await ApiClient.SignInAsync(factory, email);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var today = TodayOf(factory);
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        Assert.Equal(HttpStatusCode.Forbidden, (await caller.PostJsonAsync(Url(group.OrganizationId),
            new { number = "勝手な番号", validFrom = today, validTo = today.AddDays(365) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caller.PostJsonAsync(Url(group.OrganizationId, "/suspend"), new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caller.PostJsonAsync(Url(group.OrganizationId, "/revoke"), new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caller.Http.GetAsync(Url(group.OrganizationId))).StatusCode);

        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    [Fact]
    public async Task AnExpiredMarkIsRefusedOnACertificationRequiredTaskTheDayAfterExpiry()
    {
        await using var factory = new MatchboardFactory();
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var validTo = TodayOf(factory).AddDays(30);
        await DecideAsync(city, Url(group.OrganizationId), new { number = "川崎市認証 第2026-0600号", validFrom = TodayOf(factory), validTo });
        var task = CertifiedCleanup(factory.Clock.GetUtcNow());

        // Valid today and on the task's start date: the bid is taken.
        var first = await officer.PostTaskAsync(task);
        Assert.Equal(HttpStatusCode.Created, (await group.PostJsonAsync($"/api/tasks/{first.Id}/bids", Requests.Bid(20_000, earliestStart: DateOnly.Parse((string)task["startDate"]!)))).StatusCode);

        // The day after the last valid day (Japan time), a new certification-required task refuses the group.
        factory.Clock.SetUtcNow(new DateTimeOffset(validTo.AddDays(1).ToDateTime(new TimeOnly(9, 0)), JapanTime.Offset));
        await SweepAsync(factory);
        var later = CertifiedCleanup(factory.Clock.GetUtcNow());
        var second = await officer.PostTaskAsync(later);
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);
        await ProblemAssert.HasCodeAsync(
            await group.PostJsonAsync($"/api/tasks/{second.Id}/bids", Requests.Bid(20_000, earliestStart: DateOnly.Parse((string)later["startDate"]!))),
            HttpStatusCode.UnprocessableEntity, "bid.certification-required");
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
        Assert.Equal(CertificationState.Expired, (await city.GetAsync<CertificationStatusDto>(Url(group.OrganizationId))).State);
        Assert.Contains(NotificationType.CertificationExpired, await TypesAsync(group));
    }

    [Fact]
    public async Task ALapseWithdrawsLiveBidsWithNoticesAndLeavesAnActiveContractInPlaceWithTheAssociationTold()
    {
        await using var factory = new MatchboardFactory();
        var contract = await ContractSteps.ActiveAsync(factory);
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var task = await contract.Officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        var bid = await contract.Group.BidAsync(task.Id);

        await DecideAsync(city, Url(contract.Group.OrganizationId, "/suspend"), new { reason = "苦情の調査中のため一時停止します。" });

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Matchboard.Web.Data.MatchboardDbContext>();
            Assert.Equal(BidStatus.Withdrawn, db.Bids.Single(b => b.Id == bid.Id).Status);
        }

        Assert.Equal(ContractStatus.Active, (await contract.AsOfficerAsync()).Status);
        var groupNotices = await contract.Group.AllNotificationsAsync();
        var officerNotices = await contract.Officer.AllNotificationsAsync();
        Assert.Single(groupNotices, n => n.Type == NotificationType.BidWithdrawnCertificationLapsed && n.TaskId == task.Id && n.BidId == bid.Id);
        Assert.Single(officerNotices, n => n.Type == NotificationType.BidWithdrawnCertificationLapsed && n.TaskId == task.Id);
        Assert.Single(officerNotices, n => n.Type == NotificationType.ProviderCertificationLapsed && n.ContractId == contract.ContractId);
    }

    [Fact]
    public async Task TheExpiryNoticesAreSentOnceAt60AndAt14Days()
    {
        await using var factory = new MatchboardFactory();
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var validTo = TodayOf(factory).AddDays(100);
        await DecideAsync(city, Url(group.OrganizationId), new { number = "川崎市認証 第2026-0700号", validFrom = TodayOf(factory), validTo });

        async Task<int> ExpiringAfterSweepsOn(int daysBefore)
        {
            factory.Clock.SetUtcNow(new DateTimeOffset(validTo.AddDays(-daysBefore).ToDateTime(new TimeOnly(9, 0)), JapanTime.Offset));
            await Task.WhenAll(SweepAsync(factory), SweepAsync(factory)); // two instances at once
            await SweepAsync(factory);
            return (await TypesAsync(group)).Count(t => t == NotificationType.CertificationExpiring);
        }

        Assert.Equal(0, await ExpiringAfterSweepsOn(61));
        Assert.Equal(1, await ExpiringAfterSweepsOn(60));
        Assert.Equal(1, await ExpiringAfterSweepsOn(30));
        Assert.Equal(2, await ExpiringAfterSweepsOn(14));
        Assert.Equal(2, await ExpiringAfterSweepsOn(1));
    }

    [Fact]
    public async Task TwoStaffDecidingAtOnceOneWinsAndTheOtherGetsAConflict()
    {
        await using var factory = new MatchboardFactory();
        var first = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var second = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var version = (await first.GetAsync<CertificationStatusDto>(Url(group.OrganizationId))).Version;

        var responses = await Task.WhenAll(
            first.PostJsonAsync(Url(group.OrganizationId, "/suspend"), new { reason = "調査のため一時停止します。", version }),
            second.PostJsonAsync(Url(group.OrganizationId, "/revoke"), new { reason = "取り消します。", version }));

        Assert.Single(responses, r => r.IsSuccessStatusCode);
        await ProblemAssert.HasCodeAsync(responses.Single(r => !r.IsSuccessStatusCode), HttpStatusCode.Conflict, "concurrency");
        Assert.Single((await first.GetAsync<CertificationStatusDto>(Url(group.OrganizationId))).History);
    }

    /// <summary>A clean-up in 高津区 (たまがわクリーンサポート's area) that requires the city's mark, starting in ten days.</summary>
    private static Dictionary<string, object?> CertifiedCleanup(DateTimeOffset now) => new(Requests.CleanupTask(now))
    {
        ["certificationRequired"] = true,
        ["startDate"] = JapanTime.DateOf(now).AddDays(10).ToString("yyyy-MM-dd"),
    };
}
