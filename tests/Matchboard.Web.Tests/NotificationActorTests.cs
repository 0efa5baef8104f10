using Matchboard.Domain.Notifications;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>
/// A pushed notification names the user who caused it, to that user's own organization only: live.js then shows
/// that person no notice of their own action, while their colleagues still get one.
/// </summary>
public sealed class NotificationActorTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task ASignatureIsPushedToTheSignersOrganizationNamingTheSignerAndToTheOtherPartyNamingNoOne()
    {
        var steps = await ContractSteps.ReadyToSignAsync(factory);
        var colleague = await ApiClient.SignInAsync(factory, await TestUsers.AddAsync(factory, steps.Officer.OrganizationId));
        await using var officerLive = await LiveClient.ConnectAsync(factory, steps.Officer);
        await using var colleagueLive = await LiveClient.ConnectAsync(factory, colleague);
        await using var groupLive = await LiveClient.ConnectAsync(factory, steps.Group);

        await steps.Officer.SignAsync(steps.ContractId);

        var toOfficer = await officerLive.WaitForAsync(NotificationType.ContractSigned, steps.TaskId);
        var toColleague = await colleagueLive.WaitForAsync(NotificationType.ContractSigned, steps.TaskId);
        var toGroup = await groupLive.WaitForAsync(NotificationType.ContractSigned, steps.TaskId);
        Assert.Equal(steps.Officer.Me.UserId, toOfficer.ActorUserId);
        Assert.Equal(toOfficer.Sequence, toColleague.Sequence);
        Assert.Equal(steps.Officer.Me.UserId, toColleague.ActorUserId);
        Assert.NotEqual(steps.Officer.Me.UserId, colleague.Me.UserId);
        // No user id crosses organizations.
        Assert.Null(toGroup.ActorUserId);

        // What was stored is what was pushed: the list a reconnecting page catches up from carries the actor too.
        var listed = (await colleague.NotificationsAsync()).Items.Single(n => n.Sequence == toOfficer.Sequence);
        Assert.Equal(steps.Officer.Me.UserId, listed.ActorUserId);
    }

    [Fact]
    public async Task ABidIsPushedToTheOfficerWithoutTheBiddersUserId()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        await using var officerLive = await LiveClient.ConnectAsync(factory, officer);
        var task = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));

        await group.BidAsync(task.Id);

        Assert.Null((await officerLive.WaitForAsync(NotificationType.BidPlaced, task.Id)).ActorUserId);
    }
}
