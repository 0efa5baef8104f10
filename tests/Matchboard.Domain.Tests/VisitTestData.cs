using Matchboard.Domain.Contracts;
using Matchboard.Domain.Tasks;
using Matchboard.Domain.Visits;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

/// <summary>A watch-over contract signed 2026-12-09 11:00 (Japan) with visits on Thursdays and Fridays, 12-10 to 12-20.</summary>
public static class VisitTestData
{
    public const int ProviderId = 1;

    public static readonly DateTimeOffset SignedAt = AfterDeadline.AddDays(1);

    /// <summary>A moment on a Japan day of December 2026.</summary>
    public static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, JapanTime.Offset);

    public static Contract WatchOverContract(string category = Categories.WatchOver)
        => ActiveContract(OpenTask(Details(category)), SignedAt);

    public static Household ConsentedHousehold(Contract contract, int id, DateOnly? consent = null, string label = "A-03 木月三丁目")
    {
        var household = SetId(Household.Register(contract, AssociationId, label, SignedAt), id);
        household.RecordConsent(contract, AssociationId, consent ?? new DateOnly(2026, 12, 1), ConsentMethod.InWriting, SignedAt);
        return household;
    }

    /// <summary>The schedule with ids 1, 2, … in date order, as the database would number them.</summary>
    public static List<PlannedVisit> Plan(Contract contract, params Household[] households)
    {
        var visits = VisitSchedule.OnActivation(contract, households, SignedAt).ToList();
        for (var i = 0; i < visits.Count; i++)
        {
            SetId(visits[i], i + 1);
        }

        return visits;
    }

    public static VisitReportDraft Draft(DateTimeOffset visitedAt, ResidentStatus status = ResidentStatus.Ok, string? note = null, VisitChecklist? checklist = null)
        => new(visitedAt, "訪問員 山田", status, checklist, note);

    private static int _nextReportId = 1000;

    public static VisitReport FileReport(
        Contract contract, PlannedVisit? visit, Household? household, VisitReportDraft draft, DateTimeOffset now, VisitReport? corrects = null)
        => SetId(VisitReport.File(contract, ProviderId, visit, household, corrects, draft, "user-1", now), Interlocked.Increment(ref _nextReportId));
}
