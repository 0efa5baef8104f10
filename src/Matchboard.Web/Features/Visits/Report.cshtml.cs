using Matchboard.Domain;
using Matchboard.Domain.Visits;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Idempotency;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Visits;

/// <summary>
/// 訪問記録を書く: the page a visitor fills in at the door on a phone, without JavaScript. Today's visits come first;
/// the status and the checklist are large radio buttons; the time of the visit is now unless changed.
/// </summary>
[Authorize(Policy = Policies.CivicGroup)]
public sealed class ReportModel(
    VisitService visits, TimeProvider clock, IStringLocalizer<Messages> messages, IStringLocalizer<UiText> text, FormIdempotency forms) : PageModel, IFormFieldOrder
{
    /// <summary>The fields in the order Report.cshtml asks for them, for the error summary.</summary>
    public static readonly IReadOnlyList<string> FormFieldOrder =
    [
        "Input.PlannedVisitId", "Input.Status",
        "Input.Health", "Input.Meals", "Input.Sleep", "Input.GoingOut", "Input.DailyLife", "Input.Worries",
        "Input.VisitorName", "Input.VisitedTime", "Input.Note",
    ];

    public IReadOnlyList<string> FieldOrder => FormFieldOrder;

    public ScheduleDto Schedule { get; private set; } = null!;

    public DateOnly Today => JapanTime.DateOf(clock.GetUtcNow());

    /// <summary>Open visits from yesterday (a late report) to a week ahead (an early visit), in day order.</summary>
    public IReadOnlyList<PlannedVisitDto> Choices => Schedule.Visits
        .Where(v => v.Status == PlannedVisitStatus.Planned && v.Date >= Today.AddDays(-1) && v.Date <= Today.AddDays(7))
        .OrderBy(v => v.Date).ThenBy(v => v.HouseholdLabel)
        .ToList();

    /// <summary>What a visitor standing at a door needs first: today's households.</summary>
    public IReadOnlyList<PlannedVisitDto> TodayChoices => Choices.Where(v => v.Date == Today).ToList();

    public IReadOnlyList<PlannedVisitDto> OtherChoices => Choices.Where(v => v.Date != Today).ToList();

    [BindProperty]
    public ReportInput Input { get; set; } = new();

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(int id, CancellationToken ct)
    {
        Schedule = await visits.GetScheduleAsync(id, User, ct);
        Input.PlannedVisitId ??= Choices.FirstOrDefault(v => v.Date == Today && v.Reports.Count == 0)?.Id;
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        try
        {
            var visitedAt = Input.VisitedTime is { } time
                ? new DateTimeOffset(Today.ToDateTime(time), JapanTime.Offset)
                : clock.GetUtcNow();
            var checklist = new VisitChecklist(Input.Health, Input.Meals, Input.Sleep, Input.GoingOut, Input.DailyLife, Input.Worries);
            var done = await forms.RunAsync(async () =>
            {
                await visits.FileReportAsync(id, new FileReportRequest(Input.PlannedVisitId, null, null, visitedAt, Input.VisitorName, Input.Status, checklist, Input.Note), User, ct);
                return new FormResult(Url.Page("/Visits/Report", new { id })!, text["report.filed"]);
            }, ct);
            if (done is not null)
            {
                Flash = done.Flash;
                return Redirect(done.Location);
            }

            ModelState.AddModelError(string.Empty, messages["error.form-already-sent"]);
            Schedule = await visits.GetScheduleAsync(id, User, ct);
            return Page();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages, "Input.", new Dictionary<string, string> { ["visitedAt"] = "Input.VisitedTime", ["plannedVisitId"] = "Input.PlannedVisitId" });
            Schedule = await visits.GetScheduleAsync(id, User, ct);
            return Page();
        }
    }

    public sealed class ReportInput
    {
        public int? PlannedVisitId { get; set; }

        public string? VisitorName { get; set; }

        public ResidentStatus? Status { get; set; }

        public ChecklistAnswer Health { get; set; }

        public ChecklistAnswer Meals { get; set; }

        public ChecklistAnswer Sleep { get; set; }

        public ChecklistAnswer GoingOut { get; set; }

        public ChecklistAnswer DailyLife { get; set; }

        public ChecklistAnswer Worries { get; set; }

        public TimeOnly? VisitedTime { get; set; }

        public string? Note { get; set; }
    }
}
