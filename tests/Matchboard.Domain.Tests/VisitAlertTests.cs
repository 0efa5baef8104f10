using Matchboard.Domain.Visits;
using static Matchboard.Domain.Tests.TestData;
using static Matchboard.Domain.Tests.VisitTestData;

namespace Matchboard.Domain.Tests;

public class VisitAlertTests
{
    private static readonly TimeSpan Within = TimeSpan.FromMinutes(30);
    private readonly Domain.Contracts.Contract _contract = WatchOverContract();
    private readonly Household _household;
    private readonly List<PlannedVisit> _visits;
    private readonly List<VisitReport> _reports = [];

    public VisitAlertTests()
    {
        _household = ConsentedHousehold(_contract, 1);
        _visits = Plan(_contract, _household);
    }

    [Fact]
    public void AnUrgentReportRaisesAnUrgentAlertAtOnce()
    {
        var alert = Assert.Single(Report(_visits[0], At(10, 10), ResidentStatus.Urgent));

        Assert.Equal(AlertReason.Urgent, alert.Reason);
        Assert.Equal(AlertSeverity.Urgent, alert.Severity);
        Assert.Equal(At(10, 10), alert.RaisedAt);
        Assert.True(alert.IsOpen);
    }

    [Fact]
    public void AConcernRaisesAnAlertThatNeverEscalates()
    {
        var alert = Assert.Single(Report(_visits[0], At(10, 10), ResidentStatus.Concern));

        Assert.Equal(AlertSeverity.Concern, alert.Severity);
        Assert.False(alert.IsEscalationDue(At(11, 10), Within));
        AssertFails(() => alert.Escalate(At(11, 10), Within), "alert.not-due", DomainErrorKind.Conflict);
    }

    [Fact]
    public void OkRaisesNothing()
    {
        Assert.Empty(Report(_visits[0], At(10, 10), ResidentStatus.Ok));
    }

    [Fact]
    public void NotHomeOnceRaisesNothing()
    {
        Assert.Empty(Report(_visits[0], At(10, 10), ResidentStatus.NotHome));
    }

    [Fact]
    public void NotHomeTwiceTheSameDayRaisesAConcern()
    {
        Report(_visits[0], At(10, 10), ResidentStatus.NotHome);

        var alert = Assert.Single(Report(_visits[0], At(10, 15), ResidentStatus.NotHome));

        Assert.Equal(AlertReason.NotHomeTwice, alert.Reason);
        Assert.Equal(AlertSeverity.Concern, alert.Severity);
        Assert.Equal(_household.Id, alert.HouseholdId);
    }

    [Fact]
    public void NotHomeOnTwoVisitDaysInARowRaisesAConcern()
    {
        Report(_visits[0], At(10, 10), ResidentStatus.NotHome);

        Assert.Single(Report(_visits[1], At(11, 10), ResidentStatus.NotHome));
    }

    [Fact]
    public void ASeenVisitBetweenTwoAbsencesBreaksTheStreak()
    {
        Report(_visits[0], At(10, 10), ResidentStatus.NotHome);
        Report(_visits[0], At(10, 15), ResidentStatus.Ok);

        Assert.Empty(Report(_visits[1], At(11, 10), ResidentStatus.NotHome));
    }

    [Fact]
    public void AThirdAbsenceDoesNotRepeatTheAlert()
    {
        Report(_visits[0], At(10, 10), ResidentStatus.NotHome);
        Report(_visits[0], At(10, 15), ResidentStatus.NotHome);

        Assert.Empty(Report(_visits[1], At(11, 10), ResidentStatus.NotHome));
    }

    [Fact]
    public void AVisitWithoutAReportIsMissedOnlyAfterItsJapanDayEnds()
    {
        var visit = _visits[0];

        Assert.Null(visit.MarkMissed(At(10, 23, 59)));
        var alert = visit.MarkMissed(At(11, 0, 0));

        Assert.NotNull(alert);
        Assert.Equal(AlertReason.VisitMissed, alert.Reason);
        Assert.Equal(AlertSeverity.Concern, alert.Severity);
        Assert.Equal(visit.Id, alert.PlannedVisitId);
        Assert.Null(visit.MarkMissed(At(12, 0, 0)));
    }

    [Fact]
    public void AReportedVisitIsNeverMissed()
    {
        Report(_visits[0], At(10, 10), ResidentStatus.NotHome);

        Assert.Null(_visits[0].MarkMissed(At(11, 1)));
    }

    [Fact]
    public void AnUnansweredUrgentAlertEscalatesAfterTheConfiguredTimeAndOnlyOnce()
    {
        var alert = Report(_visits[0], At(10, 10), ResidentStatus.Urgent)[0];

        Assert.False(alert.IsEscalationDue(At(10, 10, 29), Within));
        Assert.True(alert.IsEscalationDue(At(10, 10, 30), Within));
        alert.Escalate(At(10, 10, 31), Within);

        Assert.Equal(At(10, 10, 31), alert.EscalatedAt);
        Assert.False(alert.IsEscalationDue(At(10, 11), Within));
        AssertFails(() => alert.Escalate(At(10, 11), Within), "alert.already-escalated", DomainErrorKind.Conflict);
    }

    [Fact]
    public void AnAcknowledgedAlertNeverEscalates()
    {
        var alert = Report(_visits[0], At(10, 10), ResidentStatus.Urgent)[0];

        alert.Acknowledge(_contract, AssociationId, false, "officer-1", "家族に連絡し、救急車を呼びました。", At(10, 10, 20));

        Assert.Equal(At(10, 10, 20), alert.AcknowledgedAt);
        Assert.False(alert.IsEscalationDue(At(10, 12), Within));
    }

    [Fact]
    public void ASecondAcknowledgementIsAConflict()
    {
        var alert = Report(_visits[0], At(10, 10), ResidentStatus.Concern)[0];
        alert.Acknowledge(_contract, AssociationId, false, "officer-1", "電話で確認しました。", At(10, 11));

        AssertFails(() => alert.Acknowledge(_contract, AssociationId, false, "officer-2", "二度目", At(10, 12)), "alert.already-acknowledged", DomainErrorKind.Conflict);
        Assert.Equal("電話で確認しました。", alert.AcknowledgementNote);
    }

    [Fact]
    public void AnAcknowledgementNeedsANote()
    {
        var alert = Report(_visits[0], At(10, 10), ResidentStatus.Concern)[0];

        AssertInvalid(() => alert.Acknowledge(_contract, AssociationId, false, "officer-1", " ", At(10, 11)), ("note", "required"));
        Assert.True(alert.IsOpen);
    }

    [Fact]
    public void CityStaffAcknowledgeOnlyAnEscalatedAlert()
    {
        const int cityId = 900;
        var alert = Report(_visits[0], At(10, 10), ResidentStatus.Urgent)[0];

        AssertFails(() => alert.Acknowledge(_contract, cityId, true, "city-1", "確認", At(10, 10, 5)), "alert.association-only", DomainErrorKind.RuleViolation);
        AssertFails(() => alert.Acknowledge(_contract, ProviderId, false, "p-1", "確認", At(10, 10, 5)), "alert.association-only", DomainErrorKind.RuleViolation);
        alert.Escalate(At(10, 10, 30), Within);
        alert.Acknowledge(_contract, cityId, true, "city-1", "地域包括支援センターが訪問しました。", At(10, 11));

        Assert.Equal(cityId, alert.AcknowledgedByOrganizationId);
    }

    private IReadOnlyList<VisitAlert> Report(PlannedVisit visit, DateTimeOffset at, ResidentStatus status)
    {
        var report = FileReport(_contract, visit, null, Draft(at, status), at);
        var alerts = VisitRules.AlertsFor(report, _reports);
        _reports.Add(report);
        return alerts;
    }
}
