using Matchboard.Domain.Visits;
using Microsoft.Extensions.Time.Testing;
using static Matchboard.Domain.Tests.TestData;
using static Matchboard.Domain.Tests.VisitTestData;

namespace Matchboard.Domain.Tests;

/// <summary>
/// Alerts as time passes on a fake clock that starts at 10:00 (Japan) on the first visit day; every report,
/// escalation and acknowledgement happens at the clock's now.
/// </summary>
public class VisitAlertTests
{
    private static readonly TimeSpan Within = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan OneTick = TimeSpan.FromTicks(1);
    private readonly FakeTimeProvider _clock = new(At(10, 10));
    private readonly Domain.Contracts.Contract _contract = WatchOverContract();
    private readonly Household _household;
    private readonly List<PlannedVisit> _visits;
    private readonly List<VisitReport> _reports = [];

    public VisitAlertTests()
    {
        _household = ConsentedHousehold(_contract, 1);
        _visits = Plan(_contract, _household);
    }

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public void AnUrgentReportRaisesAnUrgentAlertAtOnce()
    {
        var alert = Assert.Single(Report(_visits[0], ResidentStatus.Urgent));

        Assert.Equal(AlertReason.Urgent, alert.Reason);
        Assert.Equal(AlertSeverity.Urgent, alert.Severity);
        Assert.Equal(At(10, 10), alert.RaisedAt);
        Assert.True(alert.IsOpen);
    }

    [Fact]
    public void AConcernRaisesAnAlertThatNeverEscalates()
    {
        var alert = Assert.Single(Report(_visits[0], ResidentStatus.Concern));

        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(AlertSeverity.Concern, alert.Severity);
        Assert.False(alert.IsEscalationDue(Now, Within));
        AssertFails(() => alert.Escalate(Now, Within), "alert.not-due", DomainErrorKind.Conflict);
        Assert.Null(alert.EscalatedAt);
    }

    [Fact]
    public void OkRaisesNothing()
    {
        Assert.Empty(Report(_visits[0], ResidentStatus.Ok));
    }

    [Fact]
    public void NotHomeOnceRaisesNothing()
    {
        Assert.Empty(Report(_visits[0], ResidentStatus.NotHome));
    }

    [Fact]
    public void NotHomeTwiceTheSameDayRaisesAConcern()
    {
        Report(_visits[0], ResidentStatus.NotHome);
        _clock.Advance(TimeSpan.FromMinutes(5));

        var alert = Assert.Single(Report(_visits[0], ResidentStatus.NotHome));

        Assert.Equal(AlertReason.NotHomeTwice, alert.Reason);
        Assert.Equal(AlertSeverity.Concern, alert.Severity);
        Assert.Equal(_household.Id, alert.HouseholdId);
        Assert.Equal(At(10, 10, 5), alert.RaisedAt);
    }

    [Fact]
    public void NotHomeOnTwoVisitDaysInARowRaisesAConcern()
    {
        Report(_visits[0], ResidentStatus.NotHome);
        _clock.Advance(TimeSpan.FromDays(1));

        Assert.Single(Report(_visits[1], ResidentStatus.NotHome));
    }

    [Fact]
    public void ASeenVisitBetweenTwoAbsencesBreaksTheStreak()
    {
        Report(_visits[0], ResidentStatus.NotHome);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Report(_visits[0], ResidentStatus.Ok);
        _clock.Advance(TimeSpan.FromDays(1));

        Assert.Empty(Report(_visits[1], ResidentStatus.NotHome));
    }

    [Fact]
    public void AThirdAbsenceDoesNotRepeatTheAlert()
    {
        Report(_visits[0], ResidentStatus.NotHome);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Report(_visits[0], ResidentStatus.NotHome);
        _clock.Advance(TimeSpan.FromDays(1));

        Assert.Empty(Report(_visits[1], ResidentStatus.NotHome));
    }

    [Fact]
    public void AVisitWithoutAReportIsMissedOnlyOnceItsJapanDayEnds()
    {
        var visit = _visits[0];

        // The last instant of 12-10 in Japan: the visitor still has time.
        _clock.Advance(At(11, 0) - Now - OneTick);
        Assert.Null(visit.MarkMissed(Now));

        // Midnight in Japan is 15:00 UTC: the UTC date is still the visit day, the Japan day is over.
        _clock.Advance(OneTick);
        Assert.Equal(visit.Date, DateOnly.FromDateTime(Now.UtcDateTime));
        var alert = visit.MarkMissed(Now);

        Assert.NotNull(alert);
        Assert.Equal(AlertReason.VisitMissed, alert.Reason);
        Assert.Equal(AlertSeverity.Concern, alert.Severity);
        Assert.Equal(visit.Id, alert.PlannedVisitId);
        Assert.Equal(At(11, 0), alert.RaisedAt);
        Assert.Equal(At(11, 0), visit.MissedAt);

        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Null(visit.MarkMissed(Now));
        Assert.Equal(At(11, 0), visit.MissedAt);
    }

    [Fact]
    public void AReportedVisitIsNeverMissed()
    {
        Report(_visits[0], ResidentStatus.NotHome);

        _clock.Advance(At(11, 0) - Now + TimeSpan.FromMinutes(1));

        Assert.Null(_visits[0].MarkMissed(Now));
        Assert.Null(_visits[0].MissedAt);
    }

    [Fact]
    public void AnUnansweredUrgentAlertEscalatesOnceTheConfiguredTimeHasPassedAndOnlyOnce()
    {
        var alert = Report(_visits[0], ResidentStatus.Urgent)[0];

        _clock.Advance(Within - OneTick);
        Assert.False(alert.IsEscalationDue(Now, Within));
        AssertFails(() => alert.Escalate(Now, Within), "alert.not-due", DomainErrorKind.Conflict);
        Assert.Null(alert.EscalatedAt);

        _clock.Advance(OneTick);
        Assert.True(alert.IsEscalationDue(Now, Within));

        _clock.Advance(TimeSpan.FromMinutes(1));
        alert.Escalate(Now, Within);
        Assert.Equal(At(10, 10, 31), alert.EscalatedAt);

        _clock.Advance(TimeSpan.FromMinutes(30));
        Assert.False(alert.IsEscalationDue(Now, Within));
        AssertFails(() => alert.Escalate(Now, Within), "alert.already-escalated", DomainErrorKind.Conflict);
        Assert.Equal(At(10, 10, 31), alert.EscalatedAt);
    }

    [Fact]
    public void AnAcknowledgedAlertNeverEscalates()
    {
        var alert = Report(_visits[0], ResidentStatus.Urgent)[0];
        _clock.Advance(TimeSpan.FromMinutes(20));

        alert.Acknowledge(_contract, AssociationId, false, "officer-1", "家族に連絡し、救急車を呼びました。", Now);
        _clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(At(10, 10, 20), alert.AcknowledgedAt);
        Assert.False(alert.IsEscalationDue(Now, Within));
        AssertFails(() => alert.Escalate(Now, Within), "alert.not-due", DomainErrorKind.Conflict);
    }

    [Fact]
    public void ASecondAcknowledgementIsAConflict()
    {
        var alert = Report(_visits[0], ResidentStatus.Concern)[0];
        _clock.Advance(TimeSpan.FromHours(1));
        alert.Acknowledge(_contract, AssociationId, false, "officer-1", "電話で確認しました。", Now);
        _clock.Advance(TimeSpan.FromHours(1));

        AssertFails(() => alert.Acknowledge(_contract, AssociationId, false, "officer-2", "二度目", Now), "alert.already-acknowledged", DomainErrorKind.Conflict);
        Assert.Equal("電話で確認しました。", alert.AcknowledgementNote);
        Assert.Equal(At(10, 11), alert.AcknowledgedAt);
    }

    [Fact]
    public void AnAcknowledgementNeedsANote()
    {
        var alert = Report(_visits[0], ResidentStatus.Concern)[0];
        _clock.Advance(TimeSpan.FromHours(1));

        AssertInvalid(() => alert.Acknowledge(_contract, AssociationId, false, "officer-1", " ", Now), ("note", "required"));
        Assert.True(alert.IsOpen);
    }

    [Fact]
    public void CityStaffAcknowledgeOnlyAnEscalatedAlert()
    {
        const int cityId = 900;
        var alert = Report(_visits[0], ResidentStatus.Urgent)[0];
        _clock.Advance(TimeSpan.FromMinutes(5));

        AssertFails(() => alert.Acknowledge(_contract, cityId, true, "city-1", "確認", Now), "alert.association-only", DomainErrorKind.RuleViolation);
        AssertFails(() => alert.Acknowledge(_contract, ProviderId, false, "p-1", "確認", Now), "alert.association-only", DomainErrorKind.RuleViolation);
        _clock.Advance(Within - TimeSpan.FromMinutes(5));
        alert.Escalate(Now, Within);
        _clock.Advance(TimeSpan.FromMinutes(30));
        alert.Acknowledge(_contract, cityId, true, "city-1", "地域包括支援センターが訪問しました。", Now);

        Assert.Equal(cityId, alert.AcknowledgedByOrganizationId);
        Assert.Equal(At(10, 11), alert.AcknowledgedAt);
    }

    /// <summary>The provider files a report now (visited now) and the rules raise what it calls for.</summary>
    private IReadOnlyList<VisitAlert> Report(PlannedVisit visit, ResidentStatus status)
    {
        var report = FileReport(_contract, visit, null, Draft(Now, status), Now);
        var alerts = VisitRules.AlertsFor(report, _reports);
        _reports.Add(report);
        return alerts;
    }
}
