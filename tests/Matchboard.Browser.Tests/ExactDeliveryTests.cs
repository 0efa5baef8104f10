using AutoMapper;
using Matchboard.Browser.Tests.Infrastructure;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Matchboard.Browser.Tests;

/// <summary>
/// live.js delivers each notification exactly once: a push that overtakes an earlier one is shown at once and the
/// earlier one is fetched; a late duplicate is ignored.
/// </summary>
public sealed class ExactDeliveryTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task APushArrivingBeforeAnEarlierOneIsShownAtOnceAndTheEarlierIsFetched()
    {
        var officer = await app.NewPageAsync(width: 375, height: 812);
        await officer.SignInAsync(Ui.Kizuki);
        await officer.OpenLiveAsync("/Notifications");
        var organizationId = await OrganizationOfAsync(Ui.Kizuki);
        var mark = await officer.EvaluateAsync<long>("() => window.matchboardLive.mark");

        // Two changes commit in order; the later one's push arrives first, and the earlier one's never does.
        var earlier = await CommitWithoutPushAsync(organizationId, "順番のテスト（先）");
        var later = await CommitWithoutPushAsync(organizationId, "順番のテスト（後）");
        Assert.Equal([mark + 1, mark + 2], new[] { earlier.Sequence, later.Sequence });
        await PushAsync(organizationId, later);

        // Both are shown, the pushed one first (at once, not held back for the hole), and the list has each once.
        await Expect(officer.Toast("TaskChanged", "順番のテスト（後）")).ToHaveCountAsync(1);
        await Expect(officer.Toast("TaskChanged", "順番のテスト（先）")).ToHaveCountAsync(1);
        await officer.WaitForFunctionAsync($"() => window.matchboardLive.mark === {later.Sequence}");
        Assert.Equal([later.Sequence, earlier.Sequence], await ReceivedAfterAsync(officer, mark));
        await Expect(officer.Locator($"#notification-list li[data-sequence='{earlier.Sequence}']")).ToHaveCountAsync(1);
        await Expect(officer.Locator($"#notification-list li[data-sequence='{later.Sequence}']")).ToHaveCountAsync(1);
        await officer.ShotAsync("delivery-01-out-of-order-375", fullPage: false);

        // The earlier one's push arrives late after all: ignored. Waited for, not glanced at: the next push on the
        // same connection is handled after it, so once that one is in, the late one has been seen and dropped.
        await PushAsync(organizationId, earlier);
        var next = await CommitWithoutPushAsync(organizationId, "順番のテスト（次）");
        await PushAsync(organizationId, next);
        await officer.WaitForFunctionAsync($"() => window.matchboardLive.mark === {next.Sequence}");
        Assert.Equal([later.Sequence, earlier.Sequence, next.Sequence], await ReceivedAfterAsync(officer, mark));
        await Expect(officer.Locator($"#notification-list li[data-sequence='{earlier.Sequence}']")).ToHaveCountAsync(1);
        Assert.Empty(await officer.EvaluateAsync<long[]>("() => window.matchboardLive.above"));

        await officer.Context.CloseAsync();
    }

    private static Task<long[]> ReceivedAfterAsync(IPage page, long mark) =>
        page.EvaluateAsync<long[]>($"() => window.matchboardLive.received.map(n => n.sequence).filter(s => s > {mark})");

    /// <summary>
    /// A notification written the way the outbox writes one (numbered inside its transaction, then committed), with
    /// no push, so the test decides which push arrives and when.
    /// </summary>
    private async Task<Notification> CommitWithoutPushAsync(int organizationId, string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var notification = new Notification(organizationId, NotificationType.TaskChanged, 1, title, app.Clock.GetUtcNow());
        await NotificationSequencer.NumberAsync(db, [notification], CancellationToken.None);
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return notification;
    }

    private Task PushAsync(int organizationId, Notification notification) =>
        app.Services.GetRequiredService<INotificationSender>().SendAsync(
            organizationId, app.Services.GetRequiredService<IMapper>().Map<NotificationDto>(notification), CancellationToken.None);

    private async Task<int> OrganizationOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.FindByEmailAsync(email))!.OrganizationId;
    }
}
