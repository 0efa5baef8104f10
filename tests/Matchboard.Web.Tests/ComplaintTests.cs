using System.Net;
using System.Net.Http.Json;
using Matchboard.Domain.Complaints;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Features.Complaints;
using Matchboard.Web.Features.Reviews;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>苦情 to the city: who may file about what, the city's one answer and the filer being told.</summary>
public sealed class ComplaintTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task OnlyABidderMayComplainAboutAnAwardAndARefusalChangesNothing()
    {
        var steps = await ContractSteps.AwardedAsync(factory);
        var nonBidder = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        await ProblemAssert.HasCodeAsync(
            await nonBidder.PostJsonAsync("/api/complaints", new { subject = "Award", taskId = steps.TaskId, text = "決定に納得できません。" }),
            HttpStatusCode.UnprocessableEntity, "complaint.not-a-bidder");
        await ProblemAssert.HasCodeAsync(
            await city.PostJsonAsync("/api/complaints", new { subject = "Award", taskId = steps.TaskId, text = "市から" }),
            HttpStatusCode.Forbidden, "complaint.city-office");
        await ProblemAssert.HasCodeAsync(
            await steps.Group.PostJsonAsync("/api/complaints", new { subject = "Award", taskId = steps.TaskId, text = "  " }),
            HttpStatusCode.BadRequest, "validation");

        Assert.Equal(before, await DatabaseChecksum.OfEveryTableAsync(factory));

        var filed = await steps.Group.PostJsonAsync("/api/complaints", new { subject = "Award", taskId = steps.TaskId, text = "理由の説明がもう少しほしいです。" });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var complaint = (await filed.Content.ReadFromJsonAsync<ComplaintDto>(ApiClient.Json))!;
        Assert.Equal(ComplaintSubject.Award, complaint.Subject);
        Assert.Equal(ComplaintStatus.Filed, complaint.Status);
        Assert.Contains((await city.NotificationsAsync()).Items, n => n.Type == NotificationType.ComplaintFiled && n.Path == "/City/Complaints");
    }

    [Fact]
    public async Task AStrangerMayNotComplainAboutAContractButEitherPartyMay()
    {
        var steps = await ContractSteps.ActiveAsync(factory);
        var stranger = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        await ProblemAssert.HasCodeAsync(
            await stranger.PostJsonAsync("/api/complaints", new { subject = "Conduct", contractId = steps.ContractId, text = "部外者の苦情" }),
            HttpStatusCode.Forbidden, "contract.not-yours");
        await ProblemAssert.HasCodeAsync(
            await steps.Officer.PostJsonAsync("/api/complaints", new { subject = "Review", contractId = steps.ContractId, reviewId = 999_999, text = "ない評価" }),
            HttpStatusCode.UnprocessableEntity, "complaint.review-not-found");
        await ProblemAssert.HasCodeAsync(
            await steps.Officer.PostJsonAsync("/api/complaints", new { contractId = steps.ContractId, text = "対象なし" }),
            HttpStatusCode.BadRequest, "validation");

        Assert.Equal(before, await DatabaseChecksum.OfEveryTableAsync(factory));
        var filed = await steps.Officer.PostJsonAsync("/api/complaints", new { subject = "Conduct", contractId = steps.ContractId, text = "訪問の連絡が二度ありませんでした。" });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var id = (await filed.Content.ReadFromJsonAsync<ComplaintDto>(ApiClient.Json))!.Id;
        await ProblemAssert.HasCodeAsync(await stranger.Http.GetAsync($"/api/complaints/{id}"), HttpStatusCode.Forbidden, "complaint.not-yours");
        Assert.DoesNotContain(await stranger.GetAsync<List<ComplaintDto>>("/api/complaints"), c => c.Id == id);
    }

    [Fact]
    public async Task CityStaffAnswerAndTheFilerIsToldOnItsOwnPage()
    {
        var steps = await ContractSteps.ActiveAsync(factory);
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var countsBefore = await city.GetAsync<ComplaintCountsDto>("/api/city/complaints/counts");
        var complaint = await FileConductAsync(steps.Group, steps.ContractId, "集合時間の変更が前日に伝えられました。");
        var counts = await city.GetAsync<ComplaintCountsDto>("/api/city/complaints/counts");
        Assert.Equal((countsBefore.Open + 1, countsBefore.Total + 1), (counts.Open, counts.Total));
        Assert.Equal(counts.Open, await DashboardOpenComplaintsAsync(city));
        var queued = Assert.Single(await city.GetAsync<List<ComplaintDto>>("/api/city/complaints"), c => c.Id == complaint.Id);

        var answered = await city.PostJsonAsync($"/api/city/complaints/{complaint.Id}/answer", new { answer = "町内会に事情を伺い、連絡の手順を見直すよう伝えました。", version = queued.Version });

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var mine = await steps.Group.GetAsync<ComplaintDto>($"/api/complaints/{complaint.Id}");
        Assert.Equal(ComplaintStatus.Answered, mine.Status);
        Assert.Equal("町内会に事情を伺い、連絡の手順を見直すよう伝えました。", mine.Answer);
        var notice = Assert.Single((await steps.Group.NotificationsAsync()).Items, n => n.Type == NotificationType.ComplaintAnswered);
        Assert.Equal($"/Complaints/{complaint.Id}", notice.Path);
        Assert.Null(notice.TaskId);
        Assert.Equal(countsBefore.Open, (await city.GetAsync<ComplaintCountsDto>("/api/city/complaints/counts")).Open);
        Assert.Equal(countsBefore.Open, await DashboardOpenComplaintsAsync(city));

        // Filing and answering are in the audit log under the filer's organization; the texts stay with the complaint.
        await factory.Services.GetRequiredService<Matchboard.Web.Data.Audit.AuditSealer>().SealAsync(CancellationToken.None);
        var log = await city.GetAsync<Features.Tasks.PagedResult<Features.Audit.AuditEntryDto>>($"/api/city/audit?organizationId={steps.Group.OrganizationId}&pageSize=100");
        var entries = log.Items.Where(e => e.EntityType == "complaint" && e.EntityId == $"{complaint.Id}").ToList();
        Assert.Equal(["complaint.answered", "complaint.filed"], entries.Select(e => e.Action).Order());
        Assert.All(entries, e => Assert.DoesNotContain("集合時間", e.Summary));

        var page = await (await PageClient.CreateAsync(factory, DemoAccounts.MimamoriStaff)).Http.GetStringAsync($"/Complaints/{complaint.Id}");
        Assert.Contains("町内会に事情を伺い、連絡の手順を見直すよう伝えました。", page);

        var again = await city.PostJsonAsync($"/api/city/complaints/{complaint.Id}/answer", new { answer = "二度目", version = mine.Version });
        await ProblemAssert.HasCodeAsync(again, HttpStatusCode.Conflict, "complaint.already-answered");
    }

    [Fact]
    public async Task TwoStaffAnsweringOneComplaintAtOnceOneWinsTheOtherGets409()
    {
        var steps = await ContractSteps.ActiveAsync(factory);
        var complaint = await FileConductAsync(steps.Officer, steps.ContractId, "訪問記録が遅れています。");
        var first = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var second = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);

        var answers = await Task.WhenAll(
            first.PostJsonAsync($"/api/city/complaints/{complaint.Id}/answer", new { answer = "回答A", version = complaint.Version }),
            second.PostJsonAsync($"/api/city/complaints/{complaint.Id}/answer", new { answer = "回答B", version = complaint.Version }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var winner = answers[0].StatusCode == HttpStatusCode.OK ? "回答A" : "回答B";
        Assert.Equal(winner, (await steps.Officer.GetAsync<ComplaintDto>($"/api/complaints/{complaint.Id}")).Answer);
        Assert.Single((await steps.Officer.NotificationsAsync()).Items, n => n.Type == NotificationType.ComplaintAnswered && n.Path == $"/Complaints/{complaint.Id}");
    }

    private static async Task<ComplaintDto> FileConductAsync(ApiClient filer, int contractId, string text)
    {
        var response = await filer.PostJsonAsync("/api/complaints", new { subject = "Conduct", contractId, text });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ComplaintDto>(ApiClient.Json))!;
    }

    /// <summary>The city's dashboard shows the complaints waiting for an answer.</summary>
    private static async Task<int> DashboardOpenComplaintsAsync(ApiClient city) =>
        (await city.GetAsync<System.Text.Json.JsonElement>("/api/city/dashboard")).GetProperty("openComplaints").GetInt32();
}
