using System.Net;
using System.Net.Http.Json;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task OneChangeNotifyingManyOrganizationsPushesAllOfThemEachOrganizationsInSequenceOrderAfterStoringThem()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var organizations = await db.Organizations.OrderByDescending(o => o.Id).Select(o => o.Id).Take(12).ToListAsync();
        var lastBefore = await db.Notifications.GroupBy(n => n.OrganizationId)
            .Select(g => new { g.Key, Last = g.Max(n => n.Sequence) }).ToDictionaryAsync(g => g.Key, g => g.Last);
        var outbox = scope.ServiceProvider.GetRequiredService<NotificationOutbox>();
        var now = factory.Clock.GetUtcNow();
        // Three each, the organizations interleaved in the order they are queued.
        outbox.Add(() => Enumerable.Range(1, 3).SelectMany(k => organizations.Select(o =>
            new Notification(o, NotificationType.BidPlaced, taskId: null, $"many {k}", now, path: "/"))));
        factory.Sender.ClearReceivedCalls();

        await outbox.CommitAsync(CancellationToken.None);

        var pushed = factory.Sender.ReceivedCalls()
            .Select(c => c.GetArguments())
            .Select(a => (Organization: (int)a[0]!, Notification: (NotificationDto)a[1]!))
            .Where(p => p.Notification.Title.StartsWith("many ", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(organizations.Count * 3, pushed.Count);
        foreach (var organization in organizations)
        {
            var own = pushed.Where(p => p.Organization == organization).Select(p => p.Notification).ToList();
            var first = lastBefore.GetValueOrDefault(organization) + 1;
            // Gap-free after what the organization had, pushed in that order, in the order the change queued them.
            Assert.Equal([first, first + 1, first + 2], own.Select(n => n.Sequence));
            Assert.Equal(["many 1", "many 2", "many 3"], own.Select(n => n.Title));
            var stored = await db.Notifications.AsNoTracking().Where(n => n.OrganizationId == organization && n.Sequence >= first)
                .OrderBy(n => n.Sequence).Select(n => n.Title).ToListAsync();
            Assert.Equal(["many 1", "many 2", "many 3"], stored);
        }
    }
}
