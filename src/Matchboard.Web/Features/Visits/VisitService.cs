using System.Security.Claims;
using AutoMapper;
using Matchboard.Domain;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Visits;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Visits;

/// <summary>The contract's work: the schedule, households and consent, and the reports with the alerts they raise.</summary>
public sealed class VisitService(MatchboardDbContext db, IMapper mapper, TimeProvider clock, NotificationOutbox outbox)
{
    /// <summary>
    /// Called by <c>ContractService.SignAsync</c> right after the signature: when the contract has just become
    /// Active, plans its visits. Adds rows only; the caller's commit saves them with the signature.
    /// </summary>
    public async Task OnActivatedAsync(Contract contract, DateTimeOffset now, CancellationToken ct)
    {
        if (contract.Status != ContractStatus.Active || await db.PlannedVisits.AnyAsync(v => v.ContractId == contract.Id, ct))
        {
            return;
        }

        var households = await db.Households.Where(h => h.ContractId == contract.Id).ToListAsync(ct);
        db.PlannedVisits.AddRange(VisitSchedule.OnActivation(contract, households, now));
    }

    /// <summary>For termination (wired by the lead): cancels visits not yet made. No save; the caller saves.</summary>
    public async Task CancelOpenVisitsAsync(int contractId, DateTimeOffset now, CancellationToken ct)
    {
        var visits = await db.PlannedVisits.Where(v => v.ContractId == contractId && v.Status == PlannedVisitStatus.Planned).ToListAsync(ct);
        foreach (var visit in visits)
        {
            visit.CancelIfOpen(now);
        }
    }

    /// <summary>Visits made (planned visits with at least one report, a 不在 try included) against visits planned (not cancelled).</summary>
    public async Task<(int Made, int Planned)> TallyAsync(int contractId, CancellationToken ct)
    {
        var visits = db.PlannedVisits.Where(v => v.ContractId == contractId && v.Status != PlannedVisitStatus.Cancelled);
        return (await visits.CountAsync(v => v.ReportCount > 0, ct), await visits.CountAsync(ct));
    }

    public async Task<ScheduleDto> GetScheduleAsync(int contractId, ClaimsPrincipal user, CancellationToken ct)
    {
        var contract = await db.LoadForPartyAsync(contractId, user, ct);
        var households = await db.Households.AsNoTracking().Where(h => h.ContractId == contractId).OrderBy(h => h.Id).ToListAsync(ct);
        var visits = await db.PlannedVisits.AsNoTracking().Where(v => v.ContractId == contractId)
            .OrderBy(v => v.Date).ThenBy(v => v.HouseholdId).ToListAsync(ct);
        var reports = (await db.VisitReports.AsNoTracking().Where(r => r.ContractId == contractId).ToListAsync(ct))
            .OrderBy(r => r.VisitedAt).ThenBy(r => r.Id).Select(mapper.Map<VisitReportDto>).ToList();
        var labels = households.ToDictionary(h => h.Id, h => h.Label);
        var live = visits.Where(v => v.Status != PlannedVisitStatus.Cancelled).ToList();
        return new ScheduleDto
        {
            ContractId = contract.Id,
            TaskTitle = contract.Task!.Title,
            HasHouseholds = contract.Task.HasHouseholds,
            VisitWeekdays = contract.Task.VisitWeekdays.Days,
            Households = households.Select(mapper.Map<HouseholdDto>).ToList(),
            Visits = visits.Select(v => mapper.Map<PlannedVisitDto>(v) with
            {
                HouseholdLabel = v.HouseholdId is { } h ? labels.GetValueOrDefault(h) : null,
                Reports = reports.Where(r => r.PlannedVisitId == v.Id).ToList(),
            }).ToList(),
            UnplannedReports = reports.Where(r => r.PlannedVisitId is null).ToList(),
            VisitsMade = live.Count(v => v.IsReported),
            VisitsPlanned = live.Count,
        };
    }

    /// <summary>
    /// Files a report and raises what it calls for, in one transaction: 緊急 and 気になること at once, and a concern
    /// when the household was not home twice in a row. Racing the missed-visit sweep on the same visit gives 409.
    /// </summary>
    public async Task<VisitReportDto> FileReportAsync(int contractId, FileReportRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var contract = await db.LoadForPartyAsync(contractId, user, ct);
        var missing = new List<FieldError>();
        var visit = request.PlannedVisitId is { } visitId
            ? await db.PlannedVisits.SingleOrDefaultAsync(v => v.Id == visitId, ct) ?? Missing<PlannedVisit>(missing, "plannedVisitId")
            : null;
        var household = request.HouseholdId is { } householdId
            ? await db.Households.SingleOrDefaultAsync(h => h.Id == householdId, ct) ?? Missing<Household>(missing, "householdId")
            : null;
        var corrects = request.CorrectsReportId is { } correctsId
            ? await db.VisitReports.SingleOrDefaultAsync(r => r.Id == correctsId, ct) ?? Missing<VisitReport>(missing, "correctsReportId")
            : null;
        DomainException.ThrowIfAny(missing);

        var now = clock.GetUtcNow();
        var draft = new VisitReportDraft(request.VisitedAt, request.VisitorName, request.Status, request.Checklist, request.Note);
        var report = VisitReport.File(contract, user.RequiredOrganizationId(), visit, household, corrects, draft, user.FindFirstValue(ClaimTypes.NameIdentifier), now);
        var earlier = report.HouseholdId is { } id
            ? await db.VisitReports.AsNoTracking().Where(r => r.ContractId == contractId && r.HouseholdId == id).ToListAsync(ct)
            : [];
        var alerts = VisitRules.AlertsFor(report, earlier);
        db.VisitReports.Add(report);
        db.VisitAlerts.AddRange(alerts);

        var title = contract.Task!.Title;
        outbox.Add(() => new Notification(contract.AssociationId, NotificationType.VisitReported, contract.TaskId, title, now, contractId: contract.Id));
        outbox.Add(() => alerts.SelectMany(alert => AlertNotifications.Raised(contract, alert, title, now)));
        await outbox.CommitAsync(ct);
        return mapper.Map<VisitReportDto>(report);
    }

    public async Task<HouseholdDto> RegisterHouseholdAsync(int contractId, RegisterHouseholdRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var contract = await db.LoadForPartyAsync(contractId, user, ct);
        var household = Household.Register(contract, user.RequiredOrganizationId(), request.Label ?? string.Empty, clock.GetUtcNow());
        db.Households.Add(household);
        await db.SaveChangesAsync(ct);
        return mapper.Map<HouseholdDto>(household);
    }

    /// <summary>Consent recorded during the work plans the household's visits from that day on.</summary>
    public async Task<HouseholdDto> RecordConsentAsync(int contractId, int householdId, ConsentRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var (contract, household) = await LoadHouseholdAsync(contractId, householdId, user, ct);
        var now = clock.GetUtcNow();
        household.RecordConsent(contract, user.RequiredOrganizationId(), request.ConsentDate, request.ConsentMethod, now);
        db.PlannedVisits.AddRange(VisitSchedule.ForHousehold(contract, household, now));
        await db.SaveChangesAsync(ct);
        return mapper.Map<HouseholdDto>(household);
    }

    public async Task<HouseholdDto> AssignVisitorAsync(int contractId, int householdId, AssignVisitorRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var (contract, household) = await LoadHouseholdAsync(contractId, householdId, user, ct);
        household.AssignVisitor(contract, user.RequiredOrganizationId(), request.VisitorName ?? string.Empty);
        await db.SaveChangesAsync(ct);
        return mapper.Map<HouseholdDto>(household);
    }

    public Task<PlannedVisitDto> MoveAsync(int contractId, int visitId, VisitDateRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeVisitAsync(contractId, visitId, user, (c, v, org, now) => v.Move(c, org, request.Date, now), ct);

    public Task<PlannedVisitDto> ProposeAsync(int contractId, int visitId, VisitDateRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeVisitAsync(contractId, visitId, user, (c, v, org, now) => v.ProposeDate(c, org, request.Date, now), ct);

    public Task<PlannedVisitDto> AcceptProposalAsync(int contractId, int visitId, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeVisitAsync(contractId, visitId, user, (c, v, org, now) => v.AcceptProposal(c, org, now), ct);

    private async Task<PlannedVisitDto> ChangeVisitAsync(
        int contractId, int visitId, ClaimsPrincipal user, Action<Contract, PlannedVisit, int, DateTimeOffset> change, CancellationToken ct)
    {
        var contract = await db.LoadForPartyAsync(contractId, user, ct);
        var visit = await db.PlannedVisits.SingleOrDefaultAsync(v => v.Id == visitId && v.ContractId == contractId, ct)
            ?? throw new ResourceNotFoundException("visit.not-found");
        var now = clock.GetUtcNow();
        change(contract, visit, user.RequiredOrganizationId(), now);
        await db.SaveChangesAsync(ct);
        return mapper.Map<PlannedVisitDto>(visit);
    }

    private async Task<(Contract, Household)> LoadHouseholdAsync(int contractId, int householdId, ClaimsPrincipal user, CancellationToken ct)
    {
        var contract = await db.LoadForPartyAsync(contractId, user, ct);
        var household = await db.Households.SingleOrDefaultAsync(h => h.Id == householdId && h.ContractId == contractId, ct)
            ?? throw new ResourceNotFoundException("household.not-found");
        return (contract, household);
    }

    private static T? Missing<T>(List<FieldError> errors, string field)
        where T : class
    {
        errors.Add(new FieldError(field, "not-this-contract"));
        return null;
    }
}
