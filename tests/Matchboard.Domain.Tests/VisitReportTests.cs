using Matchboard.Domain.Tasks;
using Matchboard.Domain.Visits;
using static Matchboard.Domain.Tests.TestData;
using static Matchboard.Domain.Tests.VisitTestData;

namespace Matchboard.Domain.Tests;

public class VisitReportTests
{
    private readonly Domain.Contracts.Contract _contract = WatchOverContract();
    private readonly Household _household;
    private readonly List<PlannedVisit> _visits;

    public VisitReportTests()
    {
        _household = ConsentedHousehold(_contract, 1);
        _visits = Plan(_contract, _household);
    }

    [Fact]
    public void AReportOnThePlannedDayIsOnTimeAndCountsTheVisit()
    {
        var checklist = new VisitChecklist(Health: ChecklistAnswer.Fine, Meals: ChecklistAnswer.Concern);

        var report = FileReport(_contract, _visits[0], null, Draft(At(10, 10), checklist: checklist, note: "食欲が少し落ちている"), At(10, 10, 5));

        Assert.False(report.IsLate);
        Assert.Equal(1, report.HouseholdId);
        Assert.Equal(checklist, report.Checklist);
        Assert.True(_visits[0].IsReported);
        Assert.False(_visits[0].IsOpen);
    }

    [Fact]
    public void AReportFiledAfterThePlannedDaySaysItIsLate()
    {
        // 00:30 on the 11th in Japan is still the 10th in UTC: the Japan day decides.
        var report = FileReport(_contract, _visits[0], null, Draft(At(10, 16)), At(11, 0, 30));

        Assert.True(report.IsLate);
    }

    [Fact]
    public void AReportDatedInTheFutureIsRefused()
    {
        AssertInvalid(() => FileReport(_contract, _visits[0], null, Draft(At(10, 12)), At(10, 11)), ("visitedAt", "in-the-future"));
        Assert.False(_visits[0].IsReported);
    }

    [Fact]
    public void AStatusOutsideTheListIsRefused()
    {
        AssertInvalid(() => FileReport(_contract, _visits[0], null, Draft(At(10, 10), (ResidentStatus)9), At(10, 11)), ("status", "unknown-status"));
    }

    [Fact]
    public void ANoteLongerThanTheLimitIsRefused()
    {
        AssertInvalid(
            () => FileReport(_contract, _visits[0], null, Draft(At(10, 10), note: new string('あ', 100_000)), At(10, 11)),
            ("note", "too-long"));
    }

    [Fact]
    public void AVisitOrHouseholdOfAnotherContractIsRefused()
    {
        var other = SetId(WatchOverContract(), 501);
        var otherHousehold = ConsentedHousehold(other, 9);
        var otherVisit = Plan(other, otherHousehold)[0];

        AssertInvalid(() => FileReport(_contract, otherVisit, null, Draft(At(10, 10)), At(10, 11)), ("plannedVisitId", "not-this-contract"));
        AssertInvalid(() => FileReport(_contract, null, otherHousehold, Draft(At(10, 10)), At(10, 11)), ("householdId", "not-this-contract"));
        Assert.False(otherVisit.IsReported);
    }

    [Fact]
    public void OnlyTheProviderFilesReports()
    {
        AssertFails(
            () => VisitReport.File(_contract, AssociationId, _visits[0], null, null, Draft(At(10, 10)), "u", At(10, 11)),
            "visit-report.provider-only",
            DomainErrorKind.RuleViolation);
    }

    [Fact]
    public void AnUnplannedExtraCheckIsReportedForTheHousehold()
    {
        var report = FileReport(_contract, null, _household, Draft(At(13, 15), ResidentStatus.Ok), At(13, 15));

        Assert.Null(report.PlannedVisitId);
        Assert.Equal(_household.Id, report.HouseholdId);
        Assert.False(report.IsLate);
    }

    [Fact]
    public void AnEarlyVisitIsReportedOnItsPlannedVisit()
    {
        var report = FileReport(_contract, _visits[2], null, Draft(At(16, 10)), At(16, 10));

        Assert.Equal(_visits[2].Id, report.PlannedVisitId);
        Assert.False(report.IsLate);
    }

    [Fact]
    public void ACorrectionIsANewReportThatNamesTheOriginal()
    {
        var original = FileReport(_contract, _visits[0], null, Draft(At(10, 10), ResidentStatus.Ok, "元気"), At(10, 10));

        var correction = FileReport(_contract, null, null, Draft(At(10, 10), ResidentStatus.Concern, "足が痛いとのこと"), At(10, 12), corrects: original);

        Assert.Equal(original.Id, correction.CorrectsReportId);
        Assert.Equal(original.PlannedVisitId, correction.PlannedVisitId);
        Assert.Equal(original.HouseholdId, correction.HouseholdId);
        Assert.Equal("元気", original.Note);
    }

    [Fact]
    public void AShiftReportHasNoChecklistAndNoHousehold()
    {
        var cleanup = WatchOverContract(Categories.Cleanup);
        var shift = Plan(cleanup)[0];

        var report = FileReport(cleanup, shift, null, Draft(At(10, 10)), At(10, 11));

        Assert.Null(report.Checklist);
        Assert.Null(report.HouseholdId);
    }

    [Fact]
    public void ErasingANoteKeepsTheReport()
    {
        var report = FileReport(_contract, _visits[0], null, Draft(At(10, 10), note: "鍵を預かった"), At(10, 11));

        report.EraseNote(At(20, 0).AddYears(1));

        Assert.Null(report.Note);
        Assert.Equal(ResidentStatus.Ok, report.Status);
    }
}
