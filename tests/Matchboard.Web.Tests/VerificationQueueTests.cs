using System.Net;
using System.Net.Http.Headers;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Features.Verification;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Matchboard.Web.Tests.Infrastructure.VerificationSetup;

namespace Matchboard.Web.Tests;

/// <summary>
/// The city's queue and its decisions: oldest first; verify, decline with a reason, ask for more information,
/// suspend; each heard at once by the organization, recorded with who and when, and raced cleanly.
/// </summary>
public sealed class VerificationQueueTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task TheQueueListsWaitingOrganizationsOldestFirstWithTheirDocuments()
    {
        var (first, firstEmail) = await NewGroupAsync(factory);
        var (second, _) = await NewAssociationAsync(factory);
        var group = await ApiClient.SignInAsync(factory, firstEmail);
        await UploadPdfAsync(group);
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);

        var queue = await city.GetAsync<List<VerificationEntryDto>>("/api/city/verification");

        var ids = queue.Select(e => e.Organization.Id).ToList();
        Assert.True(ids.IndexOf(first) < ids.IndexOf(second) && ids.IndexOf(first) >= 0);
        Assert.Equal(ids.Order(), ids);
        Assert.Equal("規約.pdf", Assert.Single(queue.Single(e => e.Organization.Id == first).Documents).FileName);
        Assert.DoesNotContain(queue, e => e.Status is VerificationStatus.Verified or VerificationStatus.Declined);
    }

    [Fact]
    public async Task VerifyingTellsTheOrganizationAtOnceAndIsRecordedWithWhoAndWhen()
    {
        var (groupId, email) = await NewGroupAsync(factory);
        var group = await ApiClient.SignInAsync(factory, email);
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);

        await DecideOkAsync(city, groupId, VerificationOutcome.Verified);

        var notice = Assert.Single(await group.AllNotificationsAsync(), n => n.Type == NotificationType.VerificationDecided);
        Assert.Null(notice.TaskId);
        var entry = await EntryAsync(city, groupId);
        var decision = Assert.Single(entry.Decisions);
        Assert.Equal((VerificationOutcome.Verified, DemoAccounts.CityStaff, factory.Clock.GetUtcNow()), (decision.Outcome, decision.DecidedBy, decision.DecidedAt));
        Assert.Equal(VerificationStatus.Verified, (await group.GetAsync<MyVerificationDto>("/api/verification/mine")).Status);
        Assert.DoesNotContain(await city.GetAsync<List<VerificationEntryDto>>("/api/city/verification"), e => e.Organization.Id == groupId);
        Assert.Contains(await city.GetAsync<List<VerificationEntryDto>>("/api/city/verification/verified-groups"), e => e.Organization.Id == groupId);
    }

    [Fact]
    public async Task DecliningSendsTheReasonTheOrganizationReadsOnItsPage()
    {
        var (groupId, email) = await NewGroupAsync(factory);
        var group = await ApiClient.SignInAsync(factory, email);
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);

        await DecideOkAsync(city, groupId, VerificationOutcome.Declined, "活動の実績を確かめられませんでした。");

        Assert.Single(await group.AllNotificationsAsync(), n => n.Type == NotificationType.VerificationDecided);
        var mine = await group.GetAsync<MyVerificationDto>("/api/verification/mine");
        Assert.Equal((VerificationStatus.Declined, "活動の実績を確かめられませんでした。"), (mine.Status, mine.LastDecision!.Reason));
        var page = await PageClient.CreateAsync(factory, email);
        var html = await page.Http.GetStringAsync("/Organizations/Verification");
        Assert.Contains("活動の実績を確かめられませんでした。", html);
        Assert.Contains("下の担当の窓口へご連絡ください", html);
    }

    [Fact]
    public async Task DecliningWithoutAReasonIsRefusedAndChangesNothing()
    {
        var (groupId, email) = await NewGroupAsync(factory);
        var group = await ApiClient.SignInAsync(factory, email);
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);

        await ProblemAssert.IsProblemAsync(await DecideAsync(city, groupId, VerificationOutcome.Declined, " "), HttpStatusCode.BadRequest);

        Assert.Equal(VerificationStatus.Pending, (await OrganizationAsync(factory, groupId)).VerificationStatus);
        Assert.Empty((await EntryAsync(city, groupId)).Decisions);
        Assert.Empty(await group.AllNotificationsAsync());
    }

    [Fact]
    public async Task AskingForInformationShowsTheQuestionAndADocumentPutsTheOrganizationBackInTheQueue()
    {
        var (groupId, email) = await NewGroupAsync(factory);
        var group = await ApiClient.SignInAsync(factory, email);
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);

        await DecideOkAsync(city, groupId, VerificationOutcome.InformationRequested, "保険の証書を送ってください。");

        Assert.Single(await group.AllNotificationsAsync(), n => n.Type == NotificationType.VerificationDecided);
        var mine = await group.GetAsync<MyVerificationDto>("/api/verification/mine");
        Assert.Equal((VerificationStatus.InformationRequested, "保険の証書を送ってください。"), (mine.Status, mine.LastDecision!.Reason));
        await UploadPdfAsync(group);
        Assert.Equal(VerificationStatus.Pending, (await OrganizationAsync(factory, groupId)).VerificationStatus);
    }

    [Fact]
    public async Task SuspendingAVerifiedGroupIsHeardWithItsReason()
    {
        var (groupId, email) = await NewGroupAsync(factory);
        var group = await ApiClient.SignInAsync(factory, email);
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        await DecideOkAsync(city, groupId, VerificationOutcome.Verified);

        await DecideOkAsync(city, groupId, VerificationOutcome.Suspended, "連絡がとれなくなりました。");

        Assert.Equal(2, (await group.AllNotificationsAsync()).Count(n => n.Type == NotificationType.VerificationDecided));
        var mine = await group.GetAsync<MyVerificationDto>("/api/verification/mine");
        Assert.Equal((VerificationStatus.Suspended, "連絡がとれなくなりました。"), (mine.Status, mine.LastDecision!.Reason));
        Assert.Equal([VerificationOutcome.Verified, VerificationOutcome.Suspended], (await EntryAsync(city, groupId)).Decisions.Select(d => d.Outcome));
    }

    [Fact]
    public async Task TwoStaffDecidingAtOnceGiveOneDecisionAndOneConflict()
    {
        var (groupId, _) = await NewGroupAsync(factory);
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var version = (await EntryAsync(city, groupId)).Version;

        var answers = await Task.WhenAll(
            city.PostJsonAsync($"/api/city/verification/{groupId}/decisions", new { decision = "Verified", version }),
            city.PostJsonAsync($"/api/city/verification/{groupId}/decisions", new { decision = "Declined", reason = "書類が足りません。", version }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        await ProblemAssert.IsProblemAsync(answers.Single(a => a.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
        Assert.Single((await EntryAsync(city, groupId)).Decisions);
    }

    [Fact]
    public async Task ADecisionOnAnOldVersionIsAConflict()
    {
        var (groupId, _) = await NewGroupAsync(factory);
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var version = (await EntryAsync(city, groupId)).Version;
        await DecideOkAsync(city, groupId, VerificationOutcome.InformationRequested, "規約を送ってください。");

        var stale = await city.PostJsonAsync($"/api/city/verification/{groupId}/decisions", new { decision = "Declined", reason = "不明です。", version });

        await ProblemAssert.HasCodeAsync(stale, HttpStatusCode.Conflict, "concurrency");
        Assert.Equal(VerificationStatus.InformationRequested, (await OrganizationAsync(factory, groupId)).VerificationStatus);
    }

    [Fact]
    public async Task OnThePageADecisionTakesEffectOnlyAfterItsConfirmation()
    {
        var (groupId, email) = await NewGroupAsync(factory);
        var city = await PageClient.CreateAsync(factory, DemoAccounts.CityStaff);
        var url = $"/City/Organizations/{groupId}";
        var version = (await EntryAsync(await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff), groupId)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(url, await city.Http.GetStringAsync("/City"));

        var confirm = await city.PostFormWithTokenOfAsync(url, url + "?handler=Confirm",
            new() { ["Decision"] = "Declined", ["Reason"] = "所在地を確かめられませんでした。", ["Version"] = version });

        Assert.Contains("id=\"decide\"", await confirm.Content.ReadAsStringAsync());
        Assert.Equal(VerificationStatus.Pending, (await OrganizationAsync(factory, groupId)).VerificationStatus);

        var decided = await city.PostFormWithTokenOfAsync(url, url + "?handler=Decide",
            new() { ["Decision"] = "Declined", ["Reason"] = "所在地を確かめられませんでした。", ["Version"] = version });

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal(VerificationStatus.Declined, (await OrganizationAsync(factory, groupId)).VerificationStatus);
        var html = await city.Http.GetStringAsync(url);
        Assert.Contains("所在地を確かめられませんでした。", html);
        Assert.Contains(DemoAccounts.CityStaff, html);

        var again = await city.PostFormWithTokenOfAsync(url, url + "?handler=Decide",
            new() { ["Decision"] = "Verified", ["Version"] = version });
        Assert.Contains("ほかの担当者が先に", await again.Content.ReadAsStringAsync());
        Assert.Equal(VerificationStatus.Declined, (await OrganizationAsync(factory, groupId)).VerificationStatus);
    }

    [Fact]
    public async Task OnlyCityStaffReachTheQueue()
    {
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var (groupId, _) = await NewGroupAsync(factory);

        Assert.Equal(HttpStatusCode.Forbidden, (await group.Http.GetAsync("/api/city/verification")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await group.PostJsonAsync($"/api/city/verification/{groupId}/decisions", new { decision = "Verified", version = 1 })).StatusCode);
        Assert.Equal(VerificationStatus.Pending, (await OrganizationAsync(factory, groupId)).VerificationStatus);
    }

    /// <summary>A suspended verification is a lapse, like a lost mark: the same withdrawal and notices.</summary>
    [Fact]
    public async Task SuspendingAVerifiedGroupWithdrawsItsLiveBidsOnCertificationRequiredTasksAndItsContractContinues()
    {
        await using var own = new MatchboardFactory();
        var contract = await ContractSteps.ActiveAsync(own);
        var city = await ApiClient.SignInAsync(own, DemoAccounts.CityStaff);
        var task = await contract.Officer.PostTaskAsync(Requests.WatchOverTask(own.Clock.GetUtcNow()));
        var bid = await contract.Group.BidAsync(task.Id);

        await DecideOkAsync(city, contract.Group.OrganizationId, VerificationOutcome.Suspended, "苦情の調査が終わるまで一時停止します。");

        using (var scope = own.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Matchboard.Web.Data.MatchboardDbContext>();
            Assert.Equal(Matchboard.Domain.Bids.BidStatus.Withdrawn, db.Bids.Single(b => b.Id == bid.Id).Status);
        }

        Assert.Equal(Matchboard.Domain.Contracts.ContractStatus.Active, (await contract.AsOfficerAsync()).Status);
        var groupNotices = await contract.Group.AllNotificationsAsync();
        var officerNotices = await contract.Officer.AllNotificationsAsync();
        Assert.Single(groupNotices, n => n.Type == NotificationType.BidWithdrawnCertificationLapsed && n.BidId == bid.Id);
        Assert.Single(groupNotices, n => n.Type == NotificationType.VerificationDecided);
        Assert.Single(officerNotices, n => n.Type == NotificationType.BidWithdrawnCertificationLapsed && n.TaskId == task.Id);
        Assert.Single(officerNotices, n => n.Type == NotificationType.ProviderCertificationLapsed && n.ContractId == contract.ContractId);
    }

    private static async Task UploadPdfAsync(ApiClient client)
    {
        var file = new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var content = new MultipartFormDataContent { { new StringContent("Articles"), "kind" }, { file, "file", "規約.pdf" } };
        var response = await client.Http.PostAsync("/api/verification/mine/documents", content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
