using System.Net;
using AutoMapper;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Infrastructure.Scheduling;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// Exact delivery: each organization's notifications are numbered 1, 2, 3… in commit order with no gaps, and a
/// client that asks for what it has not seen (paging until done) gets every one, in order, exactly once.
/// </summary>
public sealed class NotificationDeliveryTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    private const int Writers = 20;

    [Fact]
    public async Task WritersRacingForOneOrganizationGetUniqueGapFreeSequences()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var tamagawa = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        // One task per writer: two questions on one task race for the task's version, and this race is about the counter.
        var tasks = new List<Features.Tasks.TaskDetailDto>();
        for (var i = 0; i < Writers; i++)
        {
            tasks.Add(await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow())));
        }

        // Each group asks on every task at once: every question notifies the same association.
        foreach (var group in new[] { tamagawa, mimamori })
        {
            var asks = await Task.WhenAll(tasks.Select(task =>
                group.PostJsonAsync($"/api/tasks/{task.Id}/questions", new { text = "集合場所と時間を教えてください。" })));
            Assert.All(asks, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        }

        // One answer per task, all at once: each notifies both groups, so each write takes two counters.
        var questionIds = new List<int>();
        foreach (var task in tasks)
        {
            questionIds.Add((await officer.GetAsync<Features.Tasks.TaskDetailDto>($"/api/tasks/{task.Id}")).Questions[0].Id);
        }

        var answers = await Task.WhenAll(questionIds.Select(id =>
            officer.PostJsonAsync($"/api/questions/{id}/answer", new { answer = "駅の東口に9時です。" })));
        Assert.All(answers, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var taskIds = tasks.Select(t => t.Id).ToHashSet();
        foreach (var (client, type) in new[] { (officer, NotificationType.QuestionAsked), (tamagawa, NotificationType.QuestionAnswered), (mimamori, NotificationType.QuestionAnswered) })
        {
            var all = await client.AllNotificationsAsync();
            Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), all.Select(n => n.Sequence));
            var expected = type == NotificationType.QuestionAsked ? 2 * Writers : Writers;
            Assert.Equal(expected, all.Count(n => n.Type == type && n.TaskId is { } id && taskIds.Contains(id)));
        }
    }

    [Fact]
    public async Task AClientOfflineForADayRecoversEveryNotificationInOrderExactlyOnce()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        await using var live = await LiveClient.ConnectAsync(factory, officer);
        var task = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        var lastSeen = live.Mark;

        // Offline: more notifications than one page (200) arrive, then a day passes and the sweeps add theirs
        // (the demo's active watch-over contract of this association misses its visits).
        await live.Connection.StopAsync();
        const int questions = 230;
        for (var i = 0; i < questions; i++)
        {
            var asked = await group.PostJsonAsync($"/api/tasks/{task.Id}/questions", new { text = $"質問その{i + 1}：訪問の時間帯は決まっていますか。" });
            Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        }

        factory.Clock.Advance(TimeSpan.FromDays(1));
        await factory.Services.GetRequiredService<Sweeper>().SweepAsync(CancellationToken.None);
        var stored = await officer.AllNotificationsAsync();
        Assert.True(stored.Count - lastSeen > 200, $"{stored.Count - lastSeen} missed: not more than a page");
        Assert.Equal(live.Mark, lastSeen);

        var pagesBefore = live.PagesFetched;
        await live.RestartAsync();

        // Every notification, in order, once: the client's record is the server's, 1..N.
        Assert.True(live.PagesFetched - pagesBefore >= 2, "the catch-up paged");
        Assert.Equal(stored.Select(n => n.Sequence), live.Delivered.Select(n => n.Sequence));
        Assert.Equal(stored.Select(n => (n.Type, n.TaskId)), live.Delivered.Select(n => (n.Type, n.TaskId)));
        Assert.Equal(stored[^1].Sequence, live.Mark);
        Assert.Equal(questions, live.Delivered.Count(n => n.Type == NotificationType.QuestionAsked && n.TaskId == task.Id));
        Assert.Contains(live.Delivered, n => n.Type == NotificationType.VisitMissed);
    }

    [Fact]
    public async Task APushThatOvertakesAnEarlierOneIsTakenAtOnceAndTheEarlierIsFetchedOnce()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        await using var live = await LiveClient.ConnectAsync(factory, officer);
        var mark = live.Mark;

        // Two writes commit in order, but the later one's push arrives first and the earlier one's never does.
        var (earlier, later) = await CommitWithoutPushAsync(officer.OrganizationId, task.Id);
        Assert.Equal([mark + 1, mark + 2], new[] { earlier.Sequence, later.Sequence });
        await PushAsync(officer.OrganizationId, later);

        await live.WaitForMarkAsync(later.Sequence);
        Assert.Equal([later.Sequence, earlier.Sequence], live.Delivered.Where(n => n.Sequence > mark).Select(n => n.Sequence));

        // The late push of the earlier one changes nothing. That it was handled is waited for, not glanced at:
        // pushes on one connection are handled in order, so once the next one is in, the late one has been seen.
        await PushAsync(officer.OrganizationId, earlier);
        var (third, _) = await CommitWithoutPushAsync(officer.OrganizationId, task.Id, count: 1);
        await PushAsync(officer.OrganizationId, third);
        await live.WaitForMarkAsync(third.Sequence);

        Assert.Equal([later.Sequence, earlier.Sequence, third.Sequence], live.Drain().Select(n => n.Sequence));
        Assert.Equal([later.Sequence, earlier.Sequence, third.Sequence], live.Delivered.Where(n => n.Sequence > mark).Select(n => n.Sequence));
    }

    /// <summary>
    /// Writes notifications the way the outbox does (numbered inside the transaction, then committed) but pushes
    /// none, so the test decides which push arrives and when.
    /// </summary>
    private async Task<(Notification First, Notification Last)> CommitWithoutPushAsync(int organizationId, int taskId, int count = 2)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var now = factory.Clock.GetUtcNow();
        var written = new List<Notification>();
        for (var i = 0; i < count; i++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var notification = new Notification(organizationId, NotificationType.TaskChanged, taskId, $"順番のテスト{i + 1}", now);
            await NotificationSequencer.NumberAsync(db, [notification], CancellationToken.None);
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            written.Add(notification);
        }

        return (written[0], written[^1]);
    }

    private Task PushAsync(int organizationId, Notification notification) =>
        factory.Services.GetRequiredService<INotificationSender>().SendAsync(
            organizationId, factory.Services.GetRequiredService<IMapper>().Map<NotificationDto>(notification), CancellationToken.None);
}
