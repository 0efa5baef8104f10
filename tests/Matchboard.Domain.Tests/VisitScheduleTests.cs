using Matchboard.Domain.Tasks;
using Matchboard.Domain.Visits;
using Microsoft.Extensions.Time.Testing;
using static Matchboard.Domain.Tests.TestData;
using static Matchboard.Domain.Tests.VisitTestData;

namespace Matchboard.Domain.Tests;

/// <summary>The schedule, from a fake clock that starts when the contract is signed (2026-12-09 11:00, Japan) and moves on.</summary>
public class VisitScheduleTests
{
    private readonly FakeTimeProvider _clock = new(SignedAt);

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public void ActivationPlansOneVisitPerConsentedHouseholdPerPatternDay()
    {
        var contract = WatchOverContract();
        var a = ConsentedHousehold(contract, 1);
        var b = ConsentedHousehold(contract, 2, label: "B-07");

        var visits = Plan(contract, a, b);

        Assert.Equal(8, visits.Count);
        Assert.Equal(
            [new(2026, 12, 10), new(2026, 12, 11), new(2026, 12, 17), new(2026, 12, 18)],
            visits.Where(v => v.HouseholdId == 1).Select(v => v.Date));
        Assert.All(visits, v => Assert.Equal(PlannedVisitStatus.Planned, v.Status));
    }

    [Fact]
    public void AHouseholdWithoutConsentGetsNoVisits()
    {
        var contract = WatchOverContract();
        var without = SetId(Household.Register(contract, AssociationId, "C-01", SignedAt), 3);

        Assert.Empty(Plan(contract, without));
        Assert.Empty(VisitSchedule.ForHousehold(contract, without, SignedAt));
    }

    [Fact]
    public void AHouseholdGetsItsVisitsFromItsConsentOn()
    {
        var contract = WatchOverContract();
        var household = SetId(Household.Register(contract, AssociationId, "D-02", Now), 4);
        Assert.Empty(VisitSchedule.ForHousehold(contract, household, Now));

        // A week into the work the household agrees, on the 16th: its visits start that day, not at the start of the contract.
        _clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromHours(2));
        household.RecordConsent(contract, AssociationId, JapanTime.DateOf(Now), ConsentMethod.InPerson, Now);

        var visits = VisitSchedule.ForHousehold(contract, household, Now);

        Assert.Equal(new DateOnly(2026, 12, 16), JapanTime.DateOf(Now));
        Assert.Equal([new(2026, 12, 17), new(2026, 12, 18)], visits.Select(v => v.Date));
    }

    [Fact]
    public void TheScheduleStartsFromTodayInJapanAndNeverOnADayAlreadyPast()
    {
        var contract = WatchOverContract();
        var household = ConsentedHousehold(contract, 1);
        Assert.Equal(
            [new(2026, 12, 10), new(2026, 12, 11), new(2026, 12, 17), new(2026, 12, 18)],
            VisitSchedule.ForHousehold(contract, household, Now).Select(v => v.Date));

        // 20:00 on a visit day: that day is still today, so it is planned.
        _clock.Advance(At(17, 20) - Now);
        Assert.Equal([new(2026, 12, 17), new(2026, 12, 18)], VisitSchedule.ForHousehold(contract, household, Now).Select(v => v.Date));

        // The last instant of the last visit day, then midnight in Japan (15:00 UTC, still the 18th in UTC).
        _clock.Advance(At(19, 0) - Now - TimeSpan.FromTicks(1));
        Assert.Equal([new(2026, 12, 18)], VisitSchedule.ForHousehold(contract, household, Now).Select(v => v.Date));
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(new DateOnly(2026, 12, 18), DateOnly.FromDateTime(Now.UtcDateTime));
        Assert.Empty(VisitSchedule.ForHousehold(contract, household, Now));
        Assert.Empty(VisitSchedule.OnActivation(contract, [household], Now));
    }

    [Fact]
    public void WorkWithoutHouseholdsGetsOneShiftAPatternDay()
    {
        var contract = WatchOverContract(Categories.Cleanup);

        var visits = Plan(contract);

        Assert.Equal(4, visits.Count);
        Assert.All(visits, v => Assert.Null(v.HouseholdId));
    }

    [Fact]
    public void HouseholdsAreOnlyForWatchOver()
    {
        var contract = WatchOverContract(Categories.Cleanup);

        AssertFails(() => Household.Register(contract, AssociationId, "A-01", SignedAt), "household.not-watch-over", DomainErrorKind.RuleViolation);
    }

    [Fact]
    public void OnlyTheAssociationRegistersHouseholdsAndConsent()
    {
        var contract = WatchOverContract();
        var household = SetId(Household.Register(contract, AssociationId, "A-01", SignedAt), 1);

        AssertFails(() => Household.Register(contract, ProviderId, "A-02", SignedAt), "household.association-only", DomainErrorKind.RuleViolation);
        AssertFails(
            () => household.RecordConsent(contract, ProviderId, new DateOnly(2026, 12, 1), ConsentMethod.InPerson, SignedAt),
            "household.association-only",
            DomainErrorKind.RuleViolation);
        Assert.False(household.HasConsent);
    }

    [Fact]
    public void ConsentDatedInTheFutureIsRefused()
    {
        var contract = WatchOverContract();
        var household = SetId(Household.Register(contract, AssociationId, "A-01", SignedAt), 1);

        AssertInvalid(
            () => household.RecordConsent(contract, AssociationId, JapanTime.DateOf(SignedAt).AddDays(1), ConsentMethod.InPerson, SignedAt),
            ("consentDate", "in-the-future"));
    }

    [Fact]
    public void TheAssociationMovesAVisitWithinThePeriod()
    {
        var contract = WatchOverContract();
        var visit = Plan(contract, ConsentedHousehold(contract, 1))[0];

        visit.Move(contract, AssociationId, new DateOnly(2026, 12, 12), SignedAt);

        Assert.Equal(new DateOnly(2026, 12, 12), visit.Date);
        Assert.Equal(new DateOnly(2026, 12, 10), visit.OriginalDate);
        AssertInvalid(() => visit.Move(contract, AssociationId, new DateOnly(2026, 12, 21), SignedAt), ("date", "outside-contract-period"));
        AssertInvalid(() => visit.Move(contract, AssociationId, new DateOnly(2026, 12, 8), SignedAt), ("date", "in-the-past"));
    }

    [Fact]
    public void TheProviderProposesADayAndTheAssociationAccepts()
    {
        var contract = WatchOverContract();
        var visit = Plan(contract, ConsentedHousehold(contract, 1))[0];

        visit.ProposeDate(contract, ProviderId, new DateOnly(2026, 12, 14), SignedAt);
        Assert.Equal(new DateOnly(2026, 12, 10), visit.Date);
        AssertFails(() => visit.AcceptProposal(contract, ProviderId, SignedAt), "household.association-only", DomainErrorKind.RuleViolation);

        visit.AcceptProposal(contract, AssociationId, SignedAt);

        Assert.Equal(new DateOnly(2026, 12, 14), visit.Date);
        Assert.Null(visit.ProposedDate);
    }

    [Fact]
    public void TheAssociationCannotProposeAndTheProviderCannotMove()
    {
        var contract = WatchOverContract();
        var visit = Plan(contract, ConsentedHousehold(contract, 1))[0];

        AssertFails(() => visit.ProposeDate(contract, AssociationId, new DateOnly(2026, 12, 14), SignedAt), "visit.provider-only", DomainErrorKind.RuleViolation);
        AssertFails(() => visit.Move(contract, ProviderId, new DateOnly(2026, 12, 14), SignedAt), "household.association-only", DomainErrorKind.RuleViolation);
    }

    [Fact]
    public void CancellingOpenVisitsLeavesPastAndReportedOnesAlone()
    {
        var contract = WatchOverContract();
        var household = ConsentedHousehold(contract, 1);
        var visits = Plan(contract, household);
        _clock.Advance(At(17, 10) - Now);
        FileReport(contract, visits[2], null, Draft(Now), Now);
        _clock.Advance(TimeSpan.FromHours(2));

        var cancelled = visits.Count(v => v.CancelIfOpen(Now));

        Assert.Equal(1, cancelled);
        Assert.Equal(PlannedVisitStatus.Cancelled, visits[3].Status);
        Assert.Equal(PlannedVisitStatus.Planned, visits[0].Status);
        Assert.Equal(PlannedVisitStatus.Planned, visits[2].Status);
    }

    [Fact]
    public void AnAwardWithdrawnBeforeSigningHasItsHouseholdsErasedAYearLater()
    {
        var task = OpenTask(Details(Categories.WatchOver));
        PlaceBid(task, VerifiedGroup(1), bidId: 11);
        var contract = WithTask(SetId(task.Award(11, "最も丁寧な提案で、訪問の記録の残し方も具体的だったため。", AfterDeadline), 501), task);
        var household = Household.Register(contract, AssociationId, "A-05 木月三丁目", AfterDeadline);
        var withdrawn = contract.SignBy.AddMinutes(1);
        task.WithdrawAward(contract, "期限までに署名がなかったため取り消します。", withdrawn);

        Assert.False(VisitRules.IsErasureDue(contract, withdrawn.AddYears(1).AddTicks(-1)));
        Assert.True(VisitRules.IsErasureDue(contract, withdrawn.AddYears(1)));
        household.Erase(withdrawn.AddYears(1));
        Assert.Null(household.Label);
    }

    [Fact]
    public void ErasureRemovesTheLabelOneYearAfterTheContractEnds()
    {
        var contract = WatchOverContract();
        var household = ConsentedHousehold(contract, 1);
        _clock.Advance(At(20, 18) - Now);
        var ended = Now;
        EndContract(contract, ended);

        _clock.Advance(ended.AddYears(1) - Now - TimeSpan.FromMinutes(1));
        Assert.False(VisitRules.IsErasureDue(contract, Now));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(VisitRules.IsErasureDue(contract, Now));

        household.Erase(Now);

        Assert.Null(household.Label);
        Assert.True(household.HasConsent);
    }
}
