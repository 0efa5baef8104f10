using System.Security.Claims;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Visits;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Alerts;

/// <summary>Alerts for the two parties of a contract; city staff see (and may answer) one escalated to them.</summary>
public sealed class AlertService(MatchboardDbContext db, TimeProvider clock, NotificationOutbox outbox)
{
    /// <summary>My organization's open alerts, urgent and oldest first; for city staff, the open escalated ones.</summary>
    public async Task<IReadOnlyList<AlertDto>> ListOpenAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var alerts = await OpenAlerts(user).ToListAsync(ct);
        var list = await ToDtosAsync(alerts, ct);
        return list.OrderByDescending(a => a.Severity).ThenBy(a => a.RaisedAt).ToList();
    }

    /// <summary>
    /// How many <see cref="ListOpenAsync"/> would list: the navigation's count on every page, one COUNT rather than the
    /// list with its contracts, households and reports.
    /// </summary>
    public Task<int> CountOpenAsync(ClaimsPrincipal user, CancellationToken ct) => OpenAlerts(user).CountAsync(ct);

    /// <summary>The open alerts this member may see: its own contracts' (either party), or for city staff those escalated to them.</summary>
    private IQueryable<VisitAlert> OpenAlerts(ClaimsPrincipal user)
    {
        var me = user.RequiredOrganizationId();
        var query = db.VisitAlerts.AsNoTracking().Where(a => a.AcknowledgedAt == null);
        if (user.OrganizationKind() == OrganizationKind.CityOffice)
        {
            return query.Where(a => a.EscalatedAt != null);
        }

        var mine = db.Contracts.Where(c => c.AssociationId == me || c.ProviderId == me).Select(c => c.Id);
        return query.Where(a => mine.Contains(a.ContractId));
    }

    public async Task<AlertDto> GetAsync(int alertId, ClaimsPrincipal user, CancellationToken ct)
    {
        var (alert, _) = await LoadVisibleAsync(alertId, user, ct);
        return (await ToDtosAsync([alert], ct))[0];
    }

    /// <summary>確認しました: once, with a note. Told to both parties, and to the city when it had been escalated.</summary>
    public async Task<AlertDto> AcknowledgeAsync(int alertId, AcknowledgeRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var (alert, contract) = await LoadVisibleAsync(alertId, user, ct);
        var now = clock.GetUtcNow();
        alert.Acknowledge(contract, user.RequiredOrganizationId(), user.OrganizationKind() == OrganizationKind.CityOffice,
            user.FindFirstValue(ClaimTypes.NameIdentifier), request.Note, now);
        var cityOffices = alert.IsEscalated ? await CityOfficeIdsAsync(db, ct) : [];
        var title = contract.Task!.Title;
        outbox.Add(() => new[] { contract.AssociationId, contract.ProviderId }.Concat(cityOffices).Select(org =>
            new Notification(org, NotificationType.VisitAlertAcknowledged, contract.TaskId, title, now, contractId: contract.Id, alertId: alert.Id)));
        await outbox.CommitAsync(ct);
        return (await ToDtosAsync([alert], ct))[0];
    }

    public static Task<List<int>> CityOfficeIdsAsync(MatchboardDbContext db, CancellationToken ct) =>
        db.Organizations.Where(o => o.Kind == OrganizationKind.CityOffice).Select(o => o.Id).ToListAsync(ct);

    private async Task<(VisitAlert, Contract)> LoadVisibleAsync(int alertId, ClaimsPrincipal user, CancellationToken ct)
    {
        var alert = await db.VisitAlerts.SingleOrDefaultAsync(a => a.Id == alertId, ct)
            ?? throw new ResourceNotFoundException("alert.not-found");
        var contract = await db.Contracts.Include(c => c.Task).SingleAsync(c => c.Id == alert.ContractId, ct);
        var isParty = user.OrganizationId() is { } me && contract.IsParty(me);
        var cityMaySee = user.OrganizationKind() == OrganizationKind.CityOffice && alert.IsEscalated;
        return isParty || cityMaySee ? (alert, contract) : throw new ForbiddenAccessException("alert.not-yours");
    }

    private async Task<List<AlertDto>> ToDtosAsync(IReadOnlyList<VisitAlert> alerts, CancellationToken ct)
    {
        var contractIds = alerts.Select(a => a.ContractId).Distinct().ToList();
        var contracts = await db.Contracts.AsNoTracking().Include(c => c.Task).Include(c => c.Association).Include(c => c.Provider)
            .Where(c => contractIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var householdIds = alerts.Select(a => a.HouseholdId).OfType<int>().Distinct().ToList();
        var labels = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Label, ct);
        var reportIds = alerts.Select(a => a.ReportId).OfType<int>().Distinct().ToList();
        var reports = await db.VisitReports.AsNoTracking().Where(r => reportIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var answererIds = alerts.Select(a => a.AcknowledgedByOrganizationId).OfType<int>().Distinct().ToList();
        var answerers = await db.Organizations.AsNoTracking().Where(o => answererIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return alerts.Select(a =>
        {
            var c = contracts[a.ContractId];
            var report = a.ReportId is { } r ? reports.GetValueOrDefault(r) : null;
            return new AlertDto
            {
                Id = a.Id,
                ContractId = a.ContractId,
                TaskId = c.TaskId,
                TaskTitle = c.Task!.Title,
                AssociationName = c.Association!.Name,
                ProviderName = c.Provider!.Name,
                Reason = a.Reason,
                Severity = a.Severity,
                HouseholdId = a.HouseholdId,
                HouseholdLabel = a.HouseholdId is { } h ? labels.GetValueOrDefault(h) : null,
                PlannedVisitId = a.PlannedVisitId,
                ReportId = a.ReportId,
                ReportStatus = report?.Status,
                ReportNote = report?.Note,
                VisitorName = report?.VisitorName,
                RaisedAt = a.RaisedAt,
                EscalatedAt = a.EscalatedAt,
                AcknowledgedAt = a.AcknowledgedAt,
                AcknowledgedByName = a.AcknowledgedByOrganizationId is { } by ? answerers.GetValueOrDefault(by) : null,
                AcknowledgementNote = a.AcknowledgementNote,
            };
        }).ToList();
    }
}
