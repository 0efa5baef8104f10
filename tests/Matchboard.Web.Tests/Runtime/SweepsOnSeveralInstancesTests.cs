using Matchboard.Domain.Contracts;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Tasks;
using Matchboard.Domain.Visits;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Visits;
using Matchboard.Web.Infrastructure.Scheduling;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Matchboard.Web.Tests.Infrastructure.WorkSetup;

namespace Matchboard.Web.Tests.Runtime;

/// <summary>
/// Every instance runs the sweeps. Two hosts on one database sweep at the same moment, day after day, over many
/// due items: each task is closed once, each missed visit raises one alert, each urgent alert is escalated once,
/// each delivery completes once, and every notification the sweeps write exists once.
/// </summary>
public sealed class SweepsOnSeveralInstancesTests(MatchboardFactory first) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task TwoInstancesSweepingOneDatabaseAtOnceDoEachThingOnce()
    {
        Task<int> CertificationNoticesAsync() => ReadAsync(db => db.Notifications.CountAsync(n =>
            n.Type == NotificationType.CertificationExpiring || n.Type == NotificationType.CertificationExpired));

        await using var second = new InstanceFactory(sameDatabaseAs: first);
        var officer = await ApiClient.SignInAsync(first, DemoAccounts.KizukiOfficer);
        var provider = await ApiClient.SignInAsync(first, DemoAccounts.MimamoriStaff);

        // Watch-over contracts, each with an urgent report on its first visit (an alert that will be due for escalation)
        // and, from then on, visits nobody reports (missed visits).
        var urgentAlertIds = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var work = await ActiveWatchOverAsync(first, officer, provider, $"B-{i:00} 木月三丁目");
            await PostOkAsync<VisitReportDto>(provider, $"/api/contracts/{work.ContractId}/visits",
                Report(work.Schedule.Visits[0].Id, first.Clock.GetUtcNow(), "Urgent", "転倒の恐れ"));
            urgentAlertIds.Add(Assert.Single(await officer.GetAsync<List<Features.Alerts.AlertDto>>("/api/alerts"),
                a => a.ContractId == work.ContractId && a.Reason == AlertReason.Urgent).Id);
        }

        // Deliveries the association will leave undecided, and open tasks whose deadline will pass (half with a bid).
        var deliveredIds = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            deliveredIds.Add((await ContractSteps.DeliveredAsync(first)).ContractId);
        }

        var openTaskIds = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            var task = await officer.PostTaskAsync(Requests.WatchOverTask(first.Clock.GetUtcNow()));
            if (i % 2 == 0)
            {
                await provider.BidAsync(task.Id);
            }

            openTaskIds.Add(task.Id);
        }

        var versionsBefore = await TaskVersionsAsync(openTaskIds);
        var before = await SnapshotAsync();
        var notificationsBefore = (await ReadAsync(db => db.Notifications.AsNoTracking().Select(n => new { n.OrganizationId, n.Sequence }).ToListAsync()))
            .Select(n => (n.OrganizationId, n.Sequence)).ToHashSet();

        var certificationNoticesBefore = await CertificationNoticesAsync();

        // Sixteen days, both instances sweeping at the same moment every hour of them.
        var sweepers = new[] { first.Services.GetRequiredService<Sweeper>(), second.Services.GetRequiredService<Sweeper>() };
        var changes = 0;
        for (var hour = 0; hour < 16 * 24; hour++)
        {
            first.Clock.Advance(TimeSpan.FromHours(1));
            changes += (await Task.WhenAll(sweepers.Select(s => Task.Run(() => s.SweepAsync(CancellationToken.None))))).Sum();
        }

        // Nothing was left for a later tick: everything due was done by the racing sweeps.
        Assert.Equal(0, await sweepers[0].SweepAsync(CancellationToken.None));

        // Each task closed exactly once: one version step each, none still open.
        var versionsAfter = await TaskVersionsAsync(openTaskIds);
        var statuses = await ReadAsync(db => db.Tasks.Where(t => openTaskIds.Contains(t.Id)).Select(t => t.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Contains(s, new[] { CommunityTaskStatus.Closed, CommunityTaskStatus.Unawarded }));
        Assert.All(openTaskIds, id => Assert.Equal(versionsBefore[id] + 1, versionsAfter[id]));

        // Each missed visit raised one alert; each urgent alert was escalated.
        var missed = await ReadAsync(db => db.PlannedVisits.Where(v => v.MissedAt != null).Select(v => v.Id).ToListAsync());
        var missedAlerts = await ReadAsync(db => db.VisitAlerts.Where(a => a.Reason == AlertReason.VisitMissed).Select(a => a.PlannedVisitId).ToListAsync());
        Assert.True(missed.Count >= 6, $"Many missed visits to race over ({missed.Count}).");
        Assert.Equal(missed.Order(), missedAlerts.Select(id => id!.Value).Order());
        var escalated = await ReadAsync(db => db.VisitAlerts.Where(a => urgentAlertIds.Contains(a.Id)).Select(a => a.EscalatedAt).ToListAsync());
        Assert.All(escalated, at => Assert.NotNull(at));

        // The two instances together report one change per item (the demo's own due items included): none was done by both.
        var after = await SnapshotAsync();
        // The certification sweep's items (the demo's marks expiring or expired) each tell their group exactly once.
        var certificationItems = await CertificationNoticesAsync() - certificationNoticesBefore;
        var expected = before.OpenTasks.Except(after.OpenTasks).Count() + (after.Missed - before.Missed)
            + (after.Escalated - before.Escalated) + before.Delivered.Except(after.Delivered).Count() + certificationItems;
        Assert.Equal(expected, changes);

        // Each delivery completed.
        var completed = await ReadAsync(db => db.Contracts.Where(c => deliveredIds.Contains(c.Id)).Select(c => c.Status).ToListAsync());
        Assert.All(completed, s => Assert.Equal(ContractStatus.Completed, s));

        // And every notification the sweeps wrote exists once: no recipient heard of one thing twice.
        var written = (await ReadAsync(db => db.Notifications.AsNoTracking().ToListAsync()))
            .Where(n => !notificationsBefore.Contains((n.OrganizationId, n.Sequence)))
            .ToList();
        var twice = written.GroupBy(n => (n.OrganizationId, n.Type, n.TaskId, n.BidId, n.ContractId, n.AlertId)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(twice);
        Assert.Equal(missed.Count * 2, written.Count(n => n.Type == NotificationType.VisitMissed));
        Assert.Equal(missed.Count, written.Where(n => n.Type == NotificationType.VisitMissed).Select(n => n.AlertId).Distinct().Count());
        Assert.Equal(urgentAlertIds.Order(), written.Where(n => n.Type == NotificationType.VisitAlertEscalated).Select(n => n.AlertId!.Value).Distinct().Order());
        Assert.Equal(deliveredIds.Count * 2, written.Count(n => n.Type == NotificationType.ContractCompleted));
    }

    private async Task<(HashSet<int> OpenTasks, int Missed, int Escalated, HashSet<int> Delivered)> SnapshotAsync() => (
        (await ReadAsync(db => db.Tasks.Where(t => t.Status == CommunityTaskStatus.Open).Select(t => t.Id).ToListAsync())).ToHashSet(),
        await ReadAsync(db => db.PlannedVisits.CountAsync(v => v.MissedAt != null)),
        await ReadAsync(db => db.VisitAlerts.CountAsync(a => a.EscalatedAt != null)),
        (await ReadAsync(db => db.Contracts.Where(c => c.Status == ContractStatus.Delivered).Select(c => c.Id).ToListAsync())).ToHashSet());

    private async Task<Dictionary<int, int>> TaskVersionsAsync(List<int> ids) =>
        await ReadAsync(db => db.Tasks.Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, Version = EF.Property<int>(t, MatchboardDbContext.VersionProperty) })
            .ToDictionaryAsync(t => t.Id, t => t.Version));

    private async Task<T> ReadAsync<T>(Func<MatchboardDbContext, Task<T>> read)
    {
        await using var scope = first.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<MatchboardDbContext>());
    }
}
