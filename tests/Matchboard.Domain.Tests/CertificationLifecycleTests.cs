using Matchboard.Domain.Matching;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Microsoft.Extensions.Time.Testing;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

/// <summary>The certification mark's state on every boundary day, and its decisions: grant, renew, suspend, revoke.</summary>
public class CertificationLifecycleTests
{
    private static readonly DateOnly ValidFrom = new(2026, 4, 1);
    private static readonly DateOnly ValidTo = new(2027, 3, 31);

    private static Organization Granted(DateTimeOffset? at = null)
    {
        var group = VerifiedGroup();
        group.GrantCertification("川崎市認証 第2026-0001号", ValidFrom, ValidTo, "書類確認済み", "staff@city.example.jp", at ?? new DateTimeOffset(2026, 3, 20, 9, 0, 0, JapanTime.Offset));
        return group;
    }

    [Theory]
    [InlineData(-1, CertificationState.NotYetValid)]   // valid from − 1
    [InlineData(0, CertificationState.Valid)]          // valid from
    public void TheStateAroundTheFirstValidDay(int daysFromStart, CertificationState expected) =>
        Assert.Equal(expected, Granted().CertificationStateOn(ValidFrom.AddDays(daysFromStart)));

    [Theory]
    [InlineData(61, CertificationState.Valid)]
    [InlineData(60, CertificationState.ExpiringSoon)]
    [InlineData(59, CertificationState.ExpiringSoon)]
    [InlineData(0, CertificationState.ExpiringSoon)]   // valid to: still valid
    [InlineData(-1, CertificationState.Expired)]       // valid to + 1
    public void TheStateAroundTheLastValidDay(int daysBeforeValidTo, CertificationState expected)
    {
        var group = Granted();
        var day = ValidTo.AddDays(-daysBeforeValidTo);

        Assert.Equal(expected, group.CertificationStateOn(day));
        Assert.Equal(expected is CertificationState.Valid or CertificationState.ExpiringSoon, group.HasValidCertificationOn(day));
    }

    [Fact]
    public void TheStateFollowsAFakeClockAcrossExpiry()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 31, 23, 59, 0, JapanTime.Offset));
        var group = Granted();

        Assert.Equal(CertificationState.ExpiringSoon, group.CertificationStateOn(JapanTime.DateOf(clock.GetUtcNow())));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(CertificationState.Expired, group.CertificationStateOn(JapanTime.DateOf(clock.GetUtcNow())));
    }

    [Fact]
    public void AGroupWithoutAMarkHasNone() =>
        Assert.Equal(CertificationState.None, VerifiedGroup().CertificationStateOn(Today));

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(364)]
    [InlineData(365)]
    public void ASuspendedMarkIsSuspendedWhateverTheDay(int daysFromStart)
    {
        var group = Granted();
        group.SuspendCertification("会計報告の未提出", "staff@city.example.jp", new DateTimeOffset(2026, 5, 1, 9, 0, 0, JapanTime.Offset));

        var day = ValidFrom.AddDays(daysFromStart);
        Assert.Equal(CertificationState.Suspended, group.CertificationStateOn(day));
        Assert.False(group.HasValidCertificationOn(day));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(300)]
    [InlineData(365)]
    public void ARevokedMarkIsRevokedWhateverTheDay(int daysFromStart)
    {
        var group = Granted();
        group.SuspendCertification("調査中", "staff@city.example.jp", new DateTimeOffset(2026, 5, 1, 9, 0, 0, JapanTime.Offset));
        group.RevokeCertification("虚偽の申請", "staff@city.example.jp", new DateTimeOffset(2026, 5, 2, 9, 0, 0, JapanTime.Offset));

        var day = ValidFrom.AddDays(daysFromStart);
        Assert.Equal(CertificationState.Revoked, group.CertificationStateOn(day));
        Assert.False(group.HasValidCertificationOn(day));
    }

    [Fact]
    public void EveryDecisionIsKeptWithWhoWhenWhatAndWhy()
    {
        var group = Granted(new DateTimeOffset(2026, 3, 20, 9, 0, 0, JapanTime.Offset));
        group.RenewCertification("川崎市認証 第2027-0001号", new DateOnly(2028, 3, 31), null, "a@city.example.jp", new DateTimeOffset(2027, 2, 1, 9, 0, 0, JapanTime.Offset));
        group.SuspendCertification("報告の未提出", "b@city.example.jp", new DateTimeOffset(2027, 6, 1, 9, 0, 0, JapanTime.Offset));
        group.RevokeCertification("改善がないため", "c@city.example.jp", new DateTimeOffset(2027, 7, 1, 9, 0, 0, JapanTime.Offset));

        Assert.Equal(
            [CertificationDecisionKind.Granted, CertificationDecisionKind.Renewed, CertificationDecisionKind.Suspended, CertificationDecisionKind.Revoked],
            group.CertificationHistory.Select(d => d.Kind));
        var renewal = group.CertificationHistory[1];
        Assert.Equal(("川崎市認証 第2027-0001号", new DateOnly(2028, 3, 31), "a@city.example.jp"), (renewal.Number, renewal.ValidTo, renewal.DecidedBy));
        Assert.Equal("改善がないため", group.CertificationHistory[3].Reason);
        Assert.Equal(new DateOnly(2028, 3, 31), group.Certification!.Expires);
        Assert.Equal(ValidFrom, group.Certification.Issued);
    }

    [Fact]
    public void ARevokedMarkIsFinal()
    {
        var group = Granted();
        var now = new DateTimeOffset(2026, 5, 2, 9, 0, 0, JapanTime.Offset);
        group.RevokeCertification("虚偽の申請", "staff@city.example.jp", now);

        AssertFails(() => group.RevokeCertification("二度目", "staff@city.example.jp", now), "certification.revoked", DomainErrorKind.Conflict);
        AssertFails(() => group.RenewCertification(null, new DateOnly(2028, 3, 31), null, "s", now), "certification.revoked", DomainErrorKind.Conflict);
        AssertFails(() => group.GrantCertification("X-1", ValidFrom, new DateOnly(2028, 3, 31), null, "s", now), "certification.revoked", DomainErrorKind.Conflict);
        Assert.Single(group.CertificationHistory, d => d.Kind == CertificationDecisionKind.Revoked);
    }

    [Fact]
    public void AMarkThatStillCountsIsRenewedNotGrantedAgain()
    {
        var group = Granted();
        AssertFails(() => group.GrantCertification("X-2", ValidFrom, new DateOnly(2028, 3, 31), null, "s", new DateTimeOffset(2026, 6, 1, 9, 0, 0, JapanTime.Offset)),
            "certification.already-granted", DomainErrorKind.Conflict);
    }

    [Fact]
    public void AGrantWithoutANumberOrWithItsDatesReversedIsRefusedAndChangesNothing()
    {
        var group = VerifiedGroup();
        AssertInvalid(() => group.GrantCertification(" ", ValidTo, ValidFrom, null, "s", new DateTimeOffset(2026, 3, 20, 9, 0, 0, JapanTime.Offset)),
            ("number", "required"), ("validTo", "before-valid-from"));
        Assert.Null(group.Certification);
        Assert.Empty(group.CertificationHistory);
    }

    [Fact]
    public void ASuspensionNeedsAReason()
    {
        var group = Granted();
        AssertInvalid(() => group.SuspendCertification("  ", "s", new DateTimeOffset(2026, 5, 1, 9, 0, 0, JapanTime.Offset)), ("reason", "required"));
        Assert.Equal(CertificationState.Valid, group.CertificationStateOn(new DateOnly(2026, 5, 1)));
    }

    [Fact]
    public void ExpiryNoticesFallDueAt60AndAt14DaysOnceEach()
    {
        var group = Granted();
        Assert.Null(group.Certification!.ExpiryNoticeDueOn(ValidTo.AddDays(-61)));
        Assert.Equal(60, group.Certification.ExpiryNoticeDueOn(ValidTo.AddDays(-60)));
        group.RecordCertificationExpiryNotice(60, ValidTo.AddDays(-60));
        Assert.Null(group.Certification.ExpiryNoticeDueOn(ValidTo.AddDays(-59)));
        Assert.Null(group.Certification.ExpiryNoticeDueOn(ValidTo.AddDays(-15)));
        Assert.Equal(14, group.Certification.ExpiryNoticeDueOn(ValidTo.AddDays(-14)));
        group.RecordCertificationExpiryNotice(14, ValidTo.AddDays(-14));
        Assert.Null(group.Certification.ExpiryNoticeDueOn(ValidTo.AddDays(-1)));
        Assert.False(group.Certification.IsExpiryLapseDueOn(ValidTo));
        Assert.True(group.Certification.IsExpiryLapseDueOn(ValidTo.AddDays(1)));
    }

    [Fact]
    public void ACertificationRequiredTaskNeedsTheMarkOnTheDayOfBiddingAndOnItsStartDate()
    {
        // TestData's task starts 2026-12-10; today is 2026-12-01.
        var lapsesBeforeStart = CertifiedGroup(issued: Today.AddYears(-1), expires: new DateOnly(2026, 12, 9));
        var coversStart = CertifiedGroup(issued: Today.AddYears(-1), expires: new DateOnly(2026, 12, 10));
        var task = OpenTask(Details(certificationRequired: true));

        Assert.Equal("bid.certification-required", BiddingEligibility.RefusalCode(lapsesBeforeStart, true, false, Today, task.StartDate));
        Assert.Null(BiddingEligibility.RefusalCode(coversStart, true, false, Today, task.StartDate));
        Assert.False(TaskMatcher.Matches(lapsesBeforeStart, task, Today));
        Assert.True(TaskMatcher.Matches(coversStart, task, Today));
    }

    [Fact]
    public void ASuspendedMarkStopsCountingForMatchingAtOnce()
    {
        var group = CertifiedGroup();
        var task = OpenTask(Details(certificationRequired: true));
        Assert.True(TaskMatcher.Matches(group, task, Today));

        group.SuspendCertification("調査中", "s", Now);

        Assert.False(TaskMatcher.Matches(group, task, Today));
        Assert.Equal("bid.certification-required", BiddingEligibility.RefusalCode(group, true, false, Today, task.StartDate));
    }

    [Fact]
    public void ALapseWithdrawsTheGroupsLiveBidOnACertificationRequiredTaskOnly()
    {
        var group = CertifiedGroup();
        var required = OpenTask(Details(certificationRequired: true));
        var notRequired = OpenTask();
        required.PlaceBid(group, Terms(), Now);
        notRequired.PlaceBid(group, Terms(), Now);

        group.SuspendCertification("調査中", "s", Now);

        Assert.NotNull(required.WithdrawBidOnLapse(group, Now.AddHours(1)));
        Assert.Null(notRequired.WithdrawBidOnLapse(group, Now.AddHours(1)));
        Assert.Null(required.LiveBidOf(group.Id));
        Assert.NotNull(notRequired.LiveBidOf(group.Id));
    }
}
