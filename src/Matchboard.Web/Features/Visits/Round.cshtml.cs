using Matchboard.Domain;
using Matchboard.Domain.Visits;
using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Matchboard.Web.Features.Visits;

/// <summary>
/// The week's round (Monday to Sunday, Japan days): each day's visits with the household, the visitor and an empty
/// column to tick on paper. Made to be printed; only the two parties (the schedule read checks it).
/// </summary>
[Authorize(Policy = Policies.Marketplace)]
public sealed class RoundModel(VisitService visits, TimeProvider clock) : PageModel
{
    public ScheduleDto Schedule { get; private set; } = null!;

    public DateOnly WeekStart { get; private set; }

    public DateOnly WeekEnd => WeekStart.AddDays(6);

    /// <summary>The visits of the week that are not cancelled, by day.</summary>
    public IReadOnlyList<IGrouping<DateOnly, PlannedVisitDto>> Days { get; private set; } = [];

    public string? VisitorOf(int? householdId) =>
        householdId is { } id ? Schedule.Households.FirstOrDefault(h => h.Id == id)?.VisitorName : null;

    public async Task OnGetAsync(int id, [FromQuery] DateOnly? week, CancellationToken ct)
    {
        Schedule = await visits.GetScheduleAsync(id, User, ct);
        WeekStart = ContractWorkView.MondayOf(week ?? JapanTime.DateOf(clock.GetUtcNow()));
        Days = Schedule.Visits
            .Where(v => v.Status != PlannedVisitStatus.Cancelled && v.Date >= WeekStart && v.Date <= WeekEnd)
            .OrderBy(v => v.Date).ThenBy(v => v.HouseholdLabel)
            .GroupBy(v => v.Date).ToList();
    }
}
