using Matchboard.Domain.Notifications;
using Matchboard.Domain.Visits;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Features.Visits;
using Matchboard.Web.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Alerts;

/// <summary>
/// Shared shape of the alert sweeps: find due ids, then handle each in a scope of its own so that one item's
/// concurrency failure (another instance got there first) skips that item alone and sends nothing.
/// </summary>
public abstract class PerItemSweep : ISweep
{
    public async Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var ids = await DueIdsAsync(services.GetRequiredService<MatchboardDbContext>(), services, now, ct);
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var changed = 0;
        foreach (var id in ids)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                changed += await HandleAsync(scope.ServiceProvider, id, now, ct) ? 1 : 0;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance (or a report) changed it first; its save won and this one sends nothing.
            }
        }

        return changed;
    }

    protected abstract Task<List<int>> DueIdsAsync(MatchboardDbContext db, IServiceProvider services, DateTimeOffset now, CancellationToken ct);

    protected abstract Task<bool> HandleAsync(IServiceProvider services, int id, DateTimeOffset now, CancellationToken ct);
}

/// <summary>Unacknowledged urgent alerts go to the association again and to city staff after Matchboard:Watch:AcknowledgeWithin.</summary>
public sealed class AlertEscalationSweep(IConfiguration configuration) : PerItemSweep
{
    public const string AcknowledgeWithinSetting = "Matchboard:Watch:AcknowledgeWithin";

    private TimeSpan Within => configuration.GetValue(AcknowledgeWithinSetting, VisitRules.DefaultAcknowledgeWithin);

    protected override Task<List<int>> DueIdsAsync(MatchboardDbContext db, IServiceProvider services, DateTimeOffset now, CancellationToken ct) =>
        db.VisitAlerts.Where(VisitAlert.EscalationDue(now, Within)).Select(a => a.Id).ToListAsync(ct);

    protected override async Task<bool> HandleAsync(IServiceProvider services, int id, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<MatchboardDbContext>();
        var outbox = services.GetRequiredService<NotificationOutbox>();
        var alert = await db.VisitAlerts.SingleAsync(a => a.Id == id, ct);
        if (!alert.IsEscalationDue(now, Within))
        {
            return false;
        }

        alert.Escalate(now, Within);
        var contract = await db.Contracts.Include(c => c.Task).SingleAsync(c => c.Id == alert.ContractId, ct);
        var recipients = (await AlertService.CityOfficeIdsAsync(db, ct)).Prepend(contract.AssociationId).ToList();
        outbox.Add(() => recipients.Select(org => new Notification(
            org, NotificationType.VisitAlertEscalated, contract.TaskId, contract.Task!.Title, now, contractId: contract.Id, alertId: alert.Id, isUrgent: true)));
        await outbox.CommitAsync(ct);
        return true;
    }
}

/// <summary>A planned visit with no report by the end of its Japan day raises a concern (VisitMissed) to both sides.</summary>
public sealed class MissedVisitSweep : PerItemSweep
{
    protected override Task<List<int>> DueIdsAsync(MatchboardDbContext db, IServiceProvider services, DateTimeOffset now, CancellationToken ct) =>
        db.PlannedVisits.Where(VisitRules.MissedBy(now)).Select(v => v.Id).ToListAsync(ct);

    protected override async Task<bool> HandleAsync(IServiceProvider services, int id, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<MatchboardDbContext>();
        var outbox = services.GetRequiredService<NotificationOutbox>();
        var visit = await db.PlannedVisits.SingleAsync(v => v.Id == id, ct);
        if (visit.MarkMissed(now) is not { } alert)
        {
            return false;
        }

        db.VisitAlerts.Add(alert);
        var contract = await db.Contracts.Include(c => c.Task).SingleAsync(c => c.Id == visit.ContractId, ct);
        outbox.Add(() => AlertNotifications.Raised(contract, alert, contract.Task!.Title, now));
        await outbox.CommitAsync(ct);
        return true;
    }
}

/// <summary>A year after a contract ends, household labels, report notes and acknowledgement notes are erased; counts stay.</summary>
public sealed class VisitErasureSweep : PerItemSweep
{
    protected override async Task<List<int>> DueIdsAsync(MatchboardDbContext db, IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var ended = db.Contracts.Where(VisitRules.ErasureDueBy(now)).Select(c => c.Id);
        return await db.Households.Where(h => ended.Contains(h.ContractId) && h.ErasedAt == null).Select(h => h.ContractId)
            .Union(db.VisitReports.Where(r => ended.Contains(r.ContractId) && r.Note != null).Select(r => r.ContractId))
            .Union(db.VisitAlerts.Where(a => ended.Contains(a.ContractId) && a.AcknowledgementNote != null).Select(a => a.ContractId))
            .ToListAsync(ct);
    }

    protected override async Task<bool> HandleAsync(IServiceProvider services, int contractId, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<MatchboardDbContext>();
        var contract = await db.Contracts.SingleAsync(c => c.Id == contractId, ct);
        if (!VisitRules.IsErasureDue(contract, now))
        {
            return false;
        }

        foreach (var household in await db.Households.Where(h => h.ContractId == contractId).ToListAsync(ct))
        {
            household.Erase(now);
        }

        foreach (var report in await db.VisitReports.Where(r => r.ContractId == contractId && r.Note != null).ToListAsync(ct))
        {
            report.EraseNote(now);
        }

        foreach (var alert in await db.VisitAlerts.Where(a => a.ContractId == contractId && a.AcknowledgementNote != null).ToListAsync(ct))
        {
            alert.EraseNote();
        }

        await db.SaveChangesAsync(ct);
        return true;
    }
}
