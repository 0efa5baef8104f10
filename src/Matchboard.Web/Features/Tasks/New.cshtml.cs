using Matchboard.Domain;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Idempotency;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Tasks;

/// <summary>Posting a task: one short guided form, then a preview, then save as a draft or publish.</summary>
[Authorize(Policy = Policies.Officer)]
public sealed class NewModel(
    TaskService tasks, MatchboardDbContext db, TimeProvider clock, IStringLocalizer<Messages> messages, IStringLocalizer<UiText> text,
    FormIdempotency forms) : PageModel, IFormFieldOrder
{
    /// <summary>The fields in the order New.cshtml asks for them, for the error summary.</summary>
    public static readonly IReadOnlyList<string> FormFieldOrder =
    [
        "Input.Title", "Input.Category", "Input.Description", "Input.Ward", "Input.Town",
        "Input.StartDate", "Input.EndDate", "Input.VisitWeekdays", "Input.VisitsPlanned", "Input.HouseholdsServed",
        "Input.Pay", "Input.FeeYen", "Input.DeadlineDate", "Input.DeadlineTime",
    ];

    private static readonly Dictionary<string, string> FieldMap = new() { ["bidDeadline"] = "Input.DeadlineDate" };

    [BindProperty]
    public TaskInput Input { get; set; } = new();

    public bool Previewing { get; private set; }

    public IReadOnlyList<string> FieldOrder => FormFieldOrder;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var association = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == User.RequiredOrganizationId(), ct);
        var today = JapanTime.DateOf(clock.GetUtcNow());
        Input = new TaskInput
        {
            Ward = association.Ward,
            Town = association.Town,
            VisitWeekdays = [DayOfWeek.Tuesday],
            HouseholdsServed = 0, // the hint says "leave it at 0 if you do not know"
            DeadlineDate = today.AddDays(14),
            DeadlineTime = new TimeOnly(17, 0),
            StartDate = today.AddDays(21),
            EndDate = today.AddDays(21 + 90),
            Pay = "fee",
        };
    }

    public IActionResult OnPostPreview()
    {
        var errors = Validate(Input, clock.GetUtcNow());
        if (errors.Count > 0)
        {
            ModelState.AddDomainError(Invalid(errors), messages, "Input.", FieldMap);
        }

        // A value the binder could not read (「abc」 for the fee) is no preview either.
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Previewing = true;
        return Page();
    }

    public IActionResult OnPostEdit() => Page();

    public async Task<IActionResult> OnPostSaveAsync(bool publish, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var done = await forms.RunAsync(async () =>
            {
                var task = await tasks.CreateAsync(ToRequest(Input, publish), User, ct);
                return new FormResult(
                    Url.Page("/Tasks/Details", new { id = task.Id })!,
                    publish ? text["flash.created-published"].Value : text["flash.created-draft"].Value);
            }, ct);
            if (done is null)
            {
                ModelState.AddModelError(string.Empty, messages["error.form-already-sent"]);
                return Page();
            }

            TempData[nameof(DetailsModel.Flash)] = done.Flash;
            return Redirect(done.Location);
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages, "Input.", FieldMap);
            return Page();
        }
    }

    private static DomainException Invalid(IReadOnlyList<FieldError> errors)
    {
        try
        {
            DomainException.ThrowIfAny(errors);
        }
        catch (DomainException ex)
        {
            return ex;
        }

        throw new InvalidOperationException("No errors.");
    }

    /// <summary>The same checks the service makes, so the preview never shows a task that cannot be saved.</summary>
    private static List<FieldError> Validate(TaskInput input, DateTimeOffset now)
    {
        var missing = new List<FieldError>();
        void Require(bool present, string field)
        {
            if (!present)
            {
                missing.Add(new FieldError(field, "required"));
            }
        }

        Require(input.DeadlineDate is not null, "bidDeadline");
        Require(input.StartDate is not null, "startDate");
        Require(input.EndDate is not null, "endDate");
        Require(input.FeeYen is not null, "feeYen");
        var request = ToRequest(input, publish: false);
        var details = new TaskDetails(
            input.Title ?? string.Empty, input.Description ?? string.Empty, input.Category ?? string.Empty,
            input.Ward ?? string.Empty, input.Town ?? string.Empty,
            input.StartDate ?? default, input.EndDate ?? default, Math.Max(1, input.VisitsPlanned),
            request.IsVolunteer, input.FeeYen ?? 0, request.BidDeadline ?? now.AddDays(7),
            input.CertificationRequired, input.InsuranceRequired, input.HouseholdsServed ?? 0,
            WeekdaySet.Of(input.VisitWeekdays));
        return missing.Concat(details.Validate(now).Where(e => missing.All(m => m.Field != e.Field))).ToList();
    }

    private static CreateTaskRequest ToRequest(TaskInput input, bool publish) => input.ToRequest<CreateTaskRequest>() with { Publish = publish };

    public DateTimeOffset? Deadline => ToRequest(Input, false).BidDeadline;
}
