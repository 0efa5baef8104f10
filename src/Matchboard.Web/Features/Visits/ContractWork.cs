using System.Security.Claims;
using Matchboard.Domain;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Visits;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Alerts;
using Matchboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Visits;

/// <summary>
/// What the contract page shows of the work: the weekday pattern for everyone who may see the contract, and for
/// the two parties once the contract is Active or later the alerts, the next visits, the recent reports and the households.
/// </summary>
public sealed record ContractWorkView
{
    public const int UpcomingDays = 7;

    public const int RecentReportCount = 10;

    public int ContractId { get; init; }

    public int TaskId { get; init; }

    /// <summary>The task's visit days (not personal data: shown to whoever may see the contract).</summary>
    public IReadOnlyList<DayOfWeek> Weekdays { get; init; } = [];

    public bool IsAssociation { get; init; }

    public bool IsProvider { get; init; }

    /// <summary>Active or Delivered: the forms that change the schedule and households are offered.</summary>
    public bool IsWorkOpen { get; init; }

    public DateOnly Today { get; init; }

    /// <summary>Null unless the viewer is one of the two parties and the contract is Active or later.</summary>
    public ScheduleDto? Schedule { get; init; }

    public IReadOnlyList<AlertDto> OpenAlerts { get; init; } = [];

    /// <summary>The form that failed on the work page, so that its fields (and not another household's) carry the error ids.</summary>
    public string? FailedForm { get; init; }

    public bool IsShown => Schedule is not null;

    public IReadOnlyList<PlannedVisitDto> Upcoming => Schedule?.Visits
        .Where(v => v.Status == PlannedVisitStatus.Planned && v.Date >= Today && v.Date < Today.AddDays(UpcomingDays))
        .OrderBy(v => v.Date).ThenBy(v => v.HouseholdLabel).ToList() ?? [];

    /// <summary>Visits whose date change the provider proposed: the association answers them.</summary>
    public IReadOnlyList<PlannedVisitDto> Proposals => Schedule?.Visits
        .Where(v => v.Status == PlannedVisitStatus.Planned && v.ProposedDate is not null).ToList() ?? [];

    public IReadOnlyList<VisitReportDto> RecentReports => Schedule is null
        ? []
        : Schedule.Visits.SelectMany(v => v.Reports).Concat(Schedule.UnplannedReports)
            .OrderByDescending(r => r.VisitedAt).ThenByDescending(r => r.Id).Take(RecentReportCount).ToList();

    public string? LabelOf(int? householdId) =>
        householdId is { } id ? Schedule?.Households.FirstOrDefault(h => h.Id == id)?.Label : null;

    /// <summary>The Monday of this week (Japan), for the week's round.</summary>
    public DateOnly WeekStart => MondayOf(Today);

    /// <summary>A round's week runs Monday to Sunday.</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The id of a field: the plain one (that the error summary links to) for the form that failed, else made unique per row.</summary>
    public string FieldId(string field, string form, int rowId) => FailedForm == $"{form}-{rowId}" ? field : $"{field}-{rowId}";
}

/// <summary>Loads <see cref="ContractWorkView"/> through the visits and alerts services (their party checks apply).</summary>
public sealed class ContractWorkReader(MatchboardDbContext db, VisitService visits, AlertService alerts, TimeProvider clock)
{
    public async Task<ContractWorkView> LoadAsync(int contractId, ClaimsPrincipal user, CancellationToken ct, string? failedForm = null)
    {
        var contract = await db.Contracts.AsNoTracking().Include(c => c.Task).SingleOrDefaultAsync(c => c.Id == contractId, ct)
            ?? throw new ResourceNotFoundException("contract.not-found");
        var me = user.OrganizationId();
        var shown = contract.IsParty(me) && Contract.HasStartedIn(contract.Status);
        var schedule = shown ? await visits.GetScheduleAsync(contractId, user, ct) : null;
        var open = shown ? (await alerts.ListOpenAsync(user, ct)).Where(a => a.ContractId == contractId).ToList() : [];
        return new ContractWorkView
        {
            ContractId = contract.Id,
            TaskId = contract.TaskId,
            Weekdays = contract.Task!.VisitWeekdays.Days,
            IsAssociation = me == contract.AssociationId,
            IsProvider = me == contract.ProviderId,
            IsWorkOpen = contract.IsWorkOpen,
            Today = JapanTime.DateOf(clock.GetUtcNow()),
            Schedule = schedule,
            OpenAlerts = open,
            FailedForm = failedForm,
        };
    }
}
