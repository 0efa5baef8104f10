using System.Net;
using System.Net.Http.Json;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Visits;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Alerts;
using Matchboard.Web.Features.Visits;
using Matchboard.Web.Infrastructure.Scheduling;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Matchboard.Web.Tests.Infrastructure.WorkSetup;

namespace Matchboard.Web.Tests;

/// <summary>Reports raise alerts that reach the officers live, escalate to the city once, and are acknowledged once.</summary>
public sealed class VisitAlertFlowTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task AnUrgentReportReachesEveryOfficerConnectionAndUnansweredReachesCityStaffOnce()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var provider = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var work = await ActiveWatchOverAsync(factory, officer, provider);
        await using var phone = await LiveClient.ConnectAsync(factory, officer);
        await using var desk = await LiveClient.ConnectAsync(factory, officer);
        await using var cityDesk = await LiveClient.ConnectAsync(factory, city);

        var visit = work.Schedule.Visits[0];
        await PostOkAsync<VisitReportDto>(provider, $"/api/contracts/{work.ContractId}/visits", Report(visit.Id, factory.Clock.GetUtcNow(), "Urgent", "呼びかけに応答が弱い"));

        foreach (var connection in new[] { phone, desk })
        {
            var push = await connection.WaitForAsync(NotificationType.VisitAlert, work.TaskId);
            Assert.True(push.IsUrgent);
            Assert.NotNull(push.AlertId);
        }

        var open = await officer.GetAsync<List<AlertDto>>("/api/alerts");
        var alert = Assert.Single(open, a => a.ContractId == work.ContractId);
        Assert.Equal(AlertSeverity.Urgent, alert.Severity);
        Assert.Equal("A-03 木月三丁目", alert.HouseholdLabel);
        Assert.DoesNotContain(await city.GetAsync<List<AlertDto>>("/api/alerts"), a => a.Id == alert.Id);

        // Not yet: 29 minutes later nothing escalates.
        factory.Clock.Advance(TimeSpan.FromMinutes(29));
        await SweepAsync();
        Assert.Null((await officer.GetAsync<AlertDto>($"/api/alerts/{alert.Id}")).EscalatedAt);

        // Two instances sweep at once after the configured 30 minutes: the city hears once.
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await Task.WhenAll(SweepAsync(), SweepAsync());
        var escalated = await cityDesk.WaitForAsync(NotificationType.VisitAlertEscalated, work.TaskId);
        Assert.True(escalated.IsUrgent);
        await SweepAsync();

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
            var escalations = await db.Notifications.Where(n => n.AlertId == alert.Id && n.Type == NotificationType.VisitAlertEscalated).ToListAsync();
            Assert.Equal(1, escalations.Count(n => n.OrganizationId == city.OrganizationId));
            Assert.Equal(1, escalations.Count(n => n.OrganizationId == officer.OrganizationId));
        }

        Assert.DoesNotContain(cityDesk.Drain(), n => n.Type == NotificationType.VisitAlertEscalated);
        var cityView = Assert.Single(await city.GetAsync<List<AlertDto>>("/api/alerts"), a => a.Id == alert.Id);
        Assert.NotNull(cityView.EscalatedAt);
        Assert.Equal("A-03 木月三丁目", cityView.HouseholdLabel);

        // The officer answers; a second answer is a conflict and changes nothing.
        await PostOkAsync<AlertDto>(officer, $"/api/alerts/{alert.Id}/acknowledge", new { note = "家族に連絡し、救急車で搬送されました。" });
        var before = await CountAsync(factory);
        var second = await officer.Http.PostAsJsonAsync($"/api/alerts/{alert.Id}/acknowledge", new { note = "二度目" });
        await ProblemAssert.HasCodeAsync(second, HttpStatusCode.Conflict, "alert.already-acknowledged");
        Assert.Equal(before, await CountAsync(factory));
        var answered = await officer.GetAsync<AlertDto>($"/api/alerts/{alert.Id}");
        Assert.Equal("家族に連絡し、救急車で搬送されました。", answered.AcknowledgementNote);
        Assert.DoesNotContain(await officer.GetAsync<List<AlertDto>>("/api/alerts"), a => a.Id == alert.Id);
    }

    [Fact]
    public async Task NotHomeTwiceAndAMissedDayRaiseConcernAlerts()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var provider = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var work = await ActiveWatchOverAsync(factory, officer, provider);
        var first = work.Schedule.Visits[0];
        var url = $"/api/contracts/{work.ContractId}/visits";

        await PostOkAsync<VisitReportDto>(provider, url, Report(first.Id, factory.Clock.GetUtcNow(), "NotHome"));
        Assert.DoesNotContain(await officer.GetAsync<List<AlertDto>>("/api/alerts"), a => a.ContractId == work.ContractId);
        factory.Clock.Advance(TimeSpan.FromHours(4));
        await PostOkAsync<VisitReportDto>(provider, url, Report(first.Id, factory.Clock.GetUtcNow(), "NotHome"));

        var absence = Assert.Single(await officer.GetAsync<List<AlertDto>>("/api/alerts"), a => a.ContractId == work.ContractId);
        Assert.Equal(AlertReason.NotHomeTwice, absence.Reason);
        Assert.Equal(AlertSeverity.Concern, absence.Severity);

        // The second visit day passes without a report: after midnight in Japan it is missed, once.
        var second = work.Schedule.Visits[1];
        factory.Clock.SetUtcNow(new DateTimeOffset(second.Date.AddDays(1).ToDateTime(TimeOnly.MinValue), Domain.JapanTime.Offset).AddMinutes(1));
        await Task.WhenAll(SweepAsync(), SweepAsync());
        await SweepAsync();

        var alerts = await officer.GetAsync<List<AlertDto>>("/api/alerts");
        var missed = Assert.Single(alerts, a => a.ContractId == work.ContractId && a.Reason == AlertReason.VisitMissed);
        Assert.Equal(second.Id, missed.PlannedVisitId);
        Assert.Contains((await provider.NotificationsAsync()).Items, n => n.Type == NotificationType.VisitMissed && n.AlertId == missed.Id);
        var schedule = await officer.GetAsync<ScheduleDto>(url);
        Assert.Equal(2, schedule.Visits[0].Reports.Count);
        Assert.NotNull(schedule.Visits[1].MissedAt);
    }

    [Fact]
    public async Task LabelsAndNotesAreErasedAYearAfterTheContractEndsAndTheCountsStay()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var provider = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var work = await ActiveWatchOverAsync(factory, officer, provider);
        var url = $"/api/contracts/{work.ContractId}/visits";
        await PostOkAsync<VisitReportDto>(provider, url, Report(work.Schedule.Visits[0].Id, factory.Clock.GetUtcNow(), "Ok", "玄関の電球が切れていた"));

        // S2's Complete/Terminate sets EndedAt; until it is merged the test sets the column itself.
        var ended = factory.Clock.GetUtcNow();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
            var contract = await db.Contracts.SingleAsync(c => c.Id == work.ContractId);
            db.Entry(contract).Property(c => c.EndedAt).CurrentValue = ended;
            await db.SaveChangesAsync();
        }

        factory.Clock.SetUtcNow(ended.AddYears(1).AddMinutes(-1));
        await SweepAsync();
        Assert.Equal("A-03 木月三丁目", (await officer.GetAsync<ScheduleDto>(url)).Households[0].Label);

        factory.Clock.SetUtcNow(ended.AddYears(1));
        await SweepAsync();

        var schedule = await officer.GetAsync<ScheduleDto>(url);
        Assert.Null(schedule.Households[0].Label);
        Assert.NotNull(schedule.Households[0].ErasedAt);
        var report = Assert.Single(schedule.Visits[0].Reports);
        Assert.Null(report.Note);
        Assert.Equal(ResidentStatus.Ok, report.Status);
        Assert.Equal(1, schedule.VisitsMade);
        Assert.Equal(work.Schedule.VisitsPlanned, schedule.VisitsPlanned);
    }

    private Task<int> SweepAsync() => factory.Services.GetRequiredService<Sweeper>().SweepAsync(CancellationToken.None);
}
