using System.Net.Http.Json;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>A signed watch-over contract between 木月三丁目町内会 and なかはら見守りネット, on its first visit day.</summary>
public sealed record Work(int ContractId, int TaskId, int HouseholdId, ScheduleDto Schedule, ApiClient Officer, ApiClient Provider);

public static class WorkSetup
{
    /// <summary>
    /// Posts, bids, awards and signs through the API with one consented household registered before signing,
    /// then moves the clock to 10:00 (Japan) on the first visit day.
    /// </summary>
    public static async Task<Work> ActiveWatchOverAsync(MatchboardFactory factory, ApiClient officer, ApiClient provider, string label = "A-03 木月三丁目")
    {
        var task = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        var bid = await provider.BidAsync(task.Id);
        factory.Clock.SetUtcNow(task.BidDeadline.AddMinutes(1));
        var award = await officer.AwardAsync(task.Id, bid.Id);
        award.EnsureSuccessStatusCode();
        var contractId = (await award.Content.ReadFromJsonAsync<Features.Contracts.ContractDto>(ApiClient.Json))!.Id;

        var household = await PostOkAsync<HouseholdDto>(officer, $"/api/contracts/{contractId}/households", new { label });
        await PostOkAsync<HouseholdDto>(officer, $"/api/contracts/{contractId}/households/{household.Id}/consent",
            new { consentDate = Domain.JapanTime.DateOf(factory.Clock.GetUtcNow()), consentMethod = "InWriting" });
        await ContractSteps.FillInAsync(officer, provider, contractId);
        await officer.SignAsync(contractId);
        await provider.SignAsync(contractId);

        var schedule = await officer.GetAsync<ScheduleDto>($"/api/contracts/{contractId}/visits");
        var first = schedule.Visits[0].Date;
        factory.Clock.SetUtcNow(new DateTimeOffset(first.ToDateTime(new TimeOnly(10, 0)), Domain.JapanTime.Offset));
        return new Work(contractId, task.Id, household.Id, schedule, officer, provider);
    }

    public static async Task<T> PostOkAsync<T>(ApiClient client, string url, object body)
    {
        var response = await client.Http.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(ApiClient.Json))!;
    }

    public static object Report(int plannedVisitId, DateTimeOffset visitedAt, string status = "Ok", string? note = null) => new
    {
        plannedVisitId,
        visitedAt,
        visitorName = "訪問員 山田",
        status,
        checklist = new { health = "Fine", meals = "Fine", sleep = "Concern", goingOut = "NotAsked", dailyLife = "Fine", worries = "Fine" },
        note,
    };

    /// <summary>Rows of the contract's work, to show that a refused request wrote nothing.</summary>
    public static async Task<(int Reports, int Alerts, int Households, int Notifications, string Fingerprint)> CountAsync(MatchboardFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var alerts = await db.VisitAlerts.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.AcknowledgedAt, a.EscalatedAt }).ToListAsync();
        var visits = await db.PlannedVisits.AsNoTracking().OrderBy(v => v.Id).Select(v => new { v.Id, v.Date, v.ProposedDate, v.ReportCount }).ToListAsync();
        return (await db.VisitReports.CountAsync(), alerts.Count, await db.Households.CountAsync(), await db.Notifications.CountAsync(),
            string.Join(";", alerts) + "|" + string.Join(";", visits));
    }
}
