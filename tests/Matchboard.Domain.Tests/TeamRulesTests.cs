using Matchboard.Domain;
using Matchboard.Domain.Teams;

namespace Matchboard.Domain.Tests;

public sealed class TeamRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheFirstMemberIsTheEarliestActiveOneAndSeededAccountsCountAsEarliest()
    {
        TeamMember[] members = [new("b", Now, true), new("seed", null, true), new("a", Now.AddDays(-1), true)];

        Assert.Equal("seed", TeamRules.FirstMember(members)!.UserId);
        Assert.Equal("a", TeamRules.FirstMember([members[0], members[2], new("seed", null, false)])!.UserId);
    }

    [Fact]
    public void OnlyTheFirstMemberRemovesAndNeverTheLastOne()
    {
        TeamMember[] two = [new("first", null, true), new("second", Now, true)];

        TeamRules.EnsureMayRemove(two, "first", "second");
        Assert.Equal("team.not-first-member", Assert.Throws<DomainException>(() => TeamRules.EnsureMayRemove(two, "second", "first")).Code);
        Assert.Equal("team.last-member", Assert.Throws<DomainException>(() => TeamRules.EnsureMayRemove([two[0], two[1] with { IsActive = false }], "first", "first")).Code);
        Assert.Equal("team.member-not-active", Assert.Throws<DomainException>(() => TeamRules.EnsureMayRemove([two[0], two[1] with { IsActive = false }], "first", "second")).Code);
    }

    [Fact]
    public void AnInvitationWorksOnceUntilItExpires()
    {
        var invitation = Invitation.Create(1, "new@example.jp", "HASH", "inviter", Now);

        Assert.Equal(InvitationState.Pending, invitation.StateAt(Now + Invitation.Lifetime - TimeSpan.FromTicks(1)));
        Assert.Equal(InvitationState.Expired, invitation.StateAt(Now + Invitation.Lifetime));
        Assert.Equal("invitation.expired", Assert.Throws<DomainException>(() => invitation.Accept("u", Now + Invitation.Lifetime)).Code);
        invitation.Accept("u", Now.AddDays(1));
        Assert.Equal("invitation.used", Assert.Throws<DomainException>(() => invitation.Accept("v", Now.AddDays(1))).Code);
        Assert.Equal("invitation.used", Assert.Throws<DomainException>(() => invitation.Revoke("inviter", Now.AddDays(1))).Code);
    }

    [Fact]
    public void AWithdrawnInvitationCannotBeAccepted()
    {
        var invitation = Invitation.Create(1, "new@example.jp", "HASH", "inviter", Now);
        invitation.Revoke("inviter", Now);

        Assert.Equal("invitation.revoked", Assert.Throws<DomainException>(() => invitation.Accept("u", Now)).Code);
    }

    [Fact]
    public void AReasonMustSaySomething()
    {
        Assert.Equal("validation", Assert.Throws<DomainException>(() => TeamRules.ValidReason("\u200B ")).Code);
        Assert.Equal("退任", TeamRules.ValidReason(" 退任 "));
    }
}
