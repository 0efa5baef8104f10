using Matchboard.Domain.Tasks;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

public class InvitationTests
{
    [Fact]
    public void InvitingAVerifiedGroupOnAnOpenTaskRecordsTheInvitation()
    {
        var task = OpenTask();

        var invitation = task.Invite(VerifiedGroup(4), Now);

        Assert.Equal(4, invitation.OrganizationId);
        Assert.Equal(Now, invitation.InvitedAt);
        Assert.Same(invitation, Assert.Single(task.Invitations));
        Assert.True(task.HasInvited(4));
        Assert.False(task.HasInvited(5));
    }

    [Fact]
    public void InvitingTheSameGroupTwiceIsRefused()
    {
        var task = OpenTask();
        task.Invite(VerifiedGroup(4), Now);

        AssertFails(() => task.Invite(VerifiedGroup(4), Now), "invitation.already-sent", DomainErrorKind.Conflict);
        Assert.Single(task.Invitations);
    }

    [Fact]
    public void TwoGroupsMayBothBeInvited()
    {
        var task = OpenTask();

        task.Invite(VerifiedGroup(4), Now);
        task.Invite(VerifiedGroup(5), Now);

        Assert.Equal([4, 5], task.Invitations.Select(i => i.OrganizationId));
    }

    [Fact]
    public void InvitingAtTheDeadlineIsRefused()
    {
        var task = OpenTask();

        AssertFails(() => task.Invite(VerifiedGroup(), Deadline), "task.not-accepting-bids", DomainErrorKind.Conflict);
        Assert.Empty(task.Invitations);
    }

    [Theory]
    [InlineData(CommunityTaskStatus.Draft)]
    [InlineData(CommunityTaskStatus.Cancelled)]
    public void InvitingOnATaskThatIsNotOpenIsRefused(CommunityTaskStatus status)
    {
        var task = TaskIn(status);

        AssertFails(() => task.Invite(VerifiedGroup(), Now), "task.not-accepting-bids", DomainErrorKind.Conflict);
        Assert.Empty(task.Invitations);
    }

    [Fact]
    public void AnAssociationCannotBeInvited()
    {
        var task = OpenTask();

        AssertFails(() => task.Invite(Association(200), Now), "invitation.not-civic-group", DomainErrorKind.RuleViolation);
        Assert.Empty(task.Invitations);
    }

    [Fact]
    public void AnUnverifiedGroupCannotBeInvited()
    {
        var task = OpenTask();

        AssertFails(() => task.Invite(UnverifiedGroup(), Now), "invitation.group-unverified", DomainErrorKind.RuleViolation);
        Assert.Empty(task.Invitations);
    }

    [Fact]
    public void OnATaskRequiringCertificationOnlyACertifiedGroupCanBeInvited()
    {
        var task = OpenTask(Details(certificationRequired: true));

        AssertFails(() => task.Invite(VerifiedGroup(), Now), "invitation.certification-required", DomainErrorKind.RuleViolation);
        Assert.Empty(task.Invitations);

        task.Invite(CertifiedGroup(2), Now);
        Assert.Equal([2], task.Invitations.Select(i => i.OrganizationId));
    }
}
