
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
    public void OnlyCivicGroupsAreDeclined()
    {
        var association = Association();

        AssertFails(association.DeclineVerification, "organization.not-civic-group", DomainErrorKind.RuleViolation);
    }
}
