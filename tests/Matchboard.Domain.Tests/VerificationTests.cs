using Matchboard.Domain.Organizations;

using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

public class VerificationTests
{
    [Fact]
    public void DecliningAnUnverifiedGroupMarksItDeclinedAndStillUnverified()
    {
        var group = UnverifiedGroup();

        group.DeclineVerification();

        Assert.True(group.IsVerificationDeclined);
        Assert.False(group.IsVerified);
    }

    [Fact]
    public void DecliningTwiceIsAConflict()
    {
        var group = UnverifiedGroup();
        group.DeclineVerification();

        AssertFails(group.DeclineVerification, "organization.already-declined", DomainErrorKind.Conflict);
        Assert.True(group.IsVerificationDeclined);
    }

    [Fact]
    public void AVerifiedGroupCannotBeDeclined()
    {
        var group = VerifiedGroup();

        AssertFails(group.DeclineVerification, "organization.already-verified", DomainErrorKind.Conflict);
        Assert.False(group.IsVerificationDeclined);
    }

    [Fact]
    public void ReconsideringPutsADeclinedGroupBackOnTheWaitingList()
    {
        var group = UnverifiedGroup();
        group.DeclineVerification();

        group.ReconsiderVerification();

        Assert.False(group.IsVerificationDeclined);
        Assert.False(group.IsVerified);
    }

    [Fact]
    public void ReconsideringAGroupThatWasNotDeclinedIsAConflict()
    {
        var group = UnverifiedGroup();

        AssertFails(group.ReconsiderVerification, "organization.not-declined", DomainErrorKind.Conflict);
    }

    [Fact]
    public void VerifyingADeclinedGroupClearsTheDecline()
    {
        var group = UnverifiedGroup();
        group.DeclineVerification();

        group.Verify();

        Assert.True(group.IsVerified);
        Assert.False(group.IsVerificationDeclined);
    }

    [Fact]
    public void TheCityOfficeIsNeverDecidedOn()
    {
        var office = Organization.CreateCityOffice("川崎市 市民文化局", Wards.Kawasaki, "宮本町");

        AssertFails(office.DeclineVerification, "organization.not-verifiable", DomainErrorKind.RuleViolation);
    }

    [Fact]
    public void AnAssociationIsVerifiedLikeAGroup()
    {
        var association = Association();

        AssertFails(association.DeclineVerification, "organization.already-verified", DomainErrorKind.Conflict);
    }

    [Fact]
    public void ADecisionIsRecordedWithItsReasonWhoAndWhen()
    {
        var group = UnverifiedGroup();
        var at = new DateTimeOffset(2026, 5, 1, 1, 0, 0, TimeSpan.Zero);

        var decision = group.DecideVerification(VerificationOutcome.Declined, " 規約が見当たりません。 ", "staff-1", at);

        Assert.Equal(VerificationStatus.Declined, group.VerificationStatus);
        Assert.Equal((VerificationOutcome.Declined, "規約が見当たりません。", "staff-1", at),
            (decision.Outcome, decision.Reason, decision.DecidedByUserId, decision.DecidedAt));
    }

    [Theory]
    [InlineData(VerificationOutcome.Declined)]
    [InlineData(VerificationOutcome.InformationRequested)]
    public void DecliningOrAskingNeedsAReason(VerificationOutcome outcome)
    {
        var group = UnverifiedGroup();

        AssertInvalid(() => group.DecideVerification(outcome, "  ", "staff-1", DateTimeOffset.UnixEpoch), ("reason", "required"));
        Assert.Equal(VerificationStatus.Pending, group.VerificationStatus);
    }

    [Fact]
    public void AskingForInformationWaitsUntilTheOrganizationSendsSomething()
    {
        var group = UnverifiedGroup();
        group.DecideVerification(VerificationOutcome.InformationRequested, "保険の証書を送ってください。", "staff-1", DateTimeOffset.UnixEpoch);
        Assert.Equal(VerificationStatus.InformationRequested, group.VerificationStatus);

        group.ProvideVerificationInformation();

        Assert.Equal(VerificationStatus.Pending, group.VerificationStatus);
    }

    [Fact]
    public void SuspendingTakesAwayTheRightToAskAndBidUntilVerifiedAgain()
    {
        var group = UnverifiedGroup();
        group.Verify();

        group.DecideVerification(VerificationOutcome.Suspended, "活動の実態が確認できません。", "staff-1", DateTimeOffset.UnixEpoch);

        Assert.Equal(VerificationStatus.Suspended, group.VerificationStatus);
        Assert.False(VerificationRights.MayAskOrBid(group));
        group.Verify();
        Assert.True(VerificationRights.MayAskOrBid(group));
    }

    [Fact]
    public void OnlyAVerifiedOrganizationIsSuspended()
    {
        var group = UnverifiedGroup();

        AssertFails(() => group.DecideVerification(VerificationOutcome.Suspended, "理由", "staff-1", DateTimeOffset.UnixEpoch),
            "organization.not-verified", DomainErrorKind.Conflict);
        Assert.Equal(VerificationStatus.Pending, group.VerificationStatus);
    }
}
