using System.Net;
using System.Net.Http.Json;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NSubstitute;
using NSubstitute.ClearExtensions;
using NSubstitute.ExceptionExtensions;

namespace Matchboard.Web.Tests;

/// <summary>The app with the push seam replaced by a double, to see exactly what would be pushed.</summary>
public sealed class SubstituteSenderFactory : MatchboardFactory
{
    public INotificationSender Sender { get; } = Substitute.For<INotificationSender>();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RemoveAll<INotificationSender>();
        services.AddSingleton(Sender);
    }
}

public sealed class NotificationSenderTests(SubstituteSenderFactory factory) : IClassFixture<SubstituteSenderFactory>
{
    [Fact]
    public async Task ABidIsPushedOnlyToThePostingAssociationAfterItIsStored()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        factory.Sender.ClearReceivedCalls();

        var bid = await group.BidAsync(task.Id);

        await factory.Sender.Received(1).SendAsync(
            officer.OrganizationId,
            Arg.Is<NotificationDto>(n => n.Type == NotificationType.BidPlaced && n.TaskId == task.Id && n.BidId == bid.Id && n.Sequence > 0),
            Arg.Any<CancellationToken>());
        await factory.Sender.DidNotReceive().SendAsync(
            Arg.Is<int>(id => id != officer.OrganizationId), Arg.Any<NotificationDto>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task AFailedPushDoesNotFailTheChangeAndTheNotificationIsKept()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        factory.Sender.SendAsync(default, default!, default).ThrowsAsyncForAnyArgs(new InvalidOperationException("hub down"));

        try
        {
            var response = await group.Http.PostAsJsonAsync($"/api/tasks/{task.Id}/bids", Requests.Bid(5_000));

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Contains((await officer.NotificationsAsync()).Items, n => n.TaskId == task.Id && n.Type == NotificationType.BidPlaced);
        }
        finally
        {
            factory.Sender.ClearSubstitute(ClearOptions.All);
        }
    }

    [Fact]
    public async Task NothingIsPushedWhenTheChangeIsRefused()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        await group.BidAsync(task.Id);
        factory.Sender.ClearReceivedCalls();

        var duplicate = await group.Http.PostAsJsonAsync($"/api/tasks/{task.Id}/bids", Requests.Bid(5_000));

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        await factory.Sender.DidNotReceiveWithAnyArgs().SendAsync(default, default!, default);
    }
}
