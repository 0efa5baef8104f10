using Matchboard.Domain;
using Matchboard.Domain.Visits;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Visits;

/// <summary>
/// The forms of the contract's work section post here (the contract page belongs to the contracts feature):
/// households and consent, visitors, moving a visit and proposing a date. Success goes back to the contract
/// page with a flash (PRG); a refusal is shown on this page, with the work section and the error next to its field.
/// GET shows the same section alone, and ?handler=Section is what live.js re-fetches.
/// </summary>
[Authorize(Policy = Policies.Marketplace)]
public sealed class WorkModel(ContractWorkReader reader, VisitService visits, IStringLocalizer<Messages> messages, IStringLocalizer<UiText> text) : PageModel, IFormFieldOrder
{
    /// <summary>
    /// The fields in the order the work section shows its forms (visits, then households), for the error summary.
    /// Each post sends one form; only the consent form has two fields.
    /// </summary>
    public static readonly IReadOnlyList<string> FormFieldOrder = ["Date", "ConsentDate", "ConsentMethod", "VisitorName", "Label"];

    public IReadOnlyList<string> FieldOrder => FormFieldOrder;

    public ContractWorkView Work { get; private set; } = null!;

    [BindProperty]
    public string? Label { get; set; }

    [BindProperty]
    public DateOnly? ConsentDate { get; set; }

    [BindProperty]
    public ConsentMethod? ConsentMethod { get; set; }

    [BindProperty]
    public string? VisitorName { get; set; }

    [BindProperty]
    public DateOnly? Date { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, null, ct);

    public async Task<IActionResult> OnGetSectionAsync(int id, CancellationToken ct)
    {
        await LoadAsync(id, null, ct);
        return Partial("/Features/Visits/_WorkSections.cshtml", Work);
    }

    public Task<IActionResult> OnPostHouseholdAsync(int id, CancellationToken ct) =>
        ActAsync(id, () => visits.RegisterHouseholdAsync(id, new RegisterHouseholdRequest(Label), User, ct), "work.flash-household", "household-0", ct, nameof(Label));

    public Task<IActionResult> OnPostConsentAsync(int id, int householdId, CancellationToken ct) =>
        ActAsync(id, () => visits.RecordConsentAsync(id, householdId, new ConsentRequest(ConsentDate, ConsentMethod), User, ct), "work.flash-consent", $"consent-{householdId}", ct);

    public Task<IActionResult> OnPostVisitorAsync(int id, int householdId, CancellationToken ct) =>
        ActAsync(id, () => visits.AssignVisitorAsync(id, householdId, new AssignVisitorRequest(VisitorName), User, ct), "work.flash-visitor", $"visitor-{householdId}", ct, nameof(VisitorName));

    public Task<IActionResult> OnPostMoveAsync(int id, int visitId, CancellationToken ct) =>
        ActAsync(id, () => visits.MoveAsync(id, visitId, new VisitDateRequest(Date), User, ct), "work.flash-moved", $"move-{visitId}", ct, nameof(Date));

    public Task<IActionResult> OnPostProposeAsync(int id, int visitId, CancellationToken ct) =>
        ActAsync(id, () => visits.ProposeAsync(id, visitId, new VisitDateRequest(Date), User, ct), "work.flash-proposed", $"propose-{visitId}", ct, nameof(Date));

    public Task<IActionResult> OnPostAcceptProposalAsync(int id, int visitId, CancellationToken ct) =>
        ActAsync(id, () => visits.AcceptProposalAsync(id, visitId, User, ct), "work.flash-accepted", $"accept-{visitId}", ct);

    /// <summary>Only the two parties, once the contract is Active or later (the services check each change again).</summary>
    private async Task LoadAsync(int id, string? failedForm, CancellationToken ct)
    {
        Work = await reader.LoadAsync(id, User, ct, failedForm);
        if (!Work.IsAssociation && !Work.IsProvider)
        {
            throw new ForbiddenAccessException("contract.not-yours");
        }
    }

    /// <summary>
    /// Runs one change and goes back to the contract page (PRG). A refusal stays here: field errors under their
    /// form's field (every field of a one-field form maps to <paramref name="field"/>), anything else in the summary.
    /// </summary>
    private async Task<IActionResult> ActAsync<T>(int id, Func<Task<T>> act, string flashKey, string form, CancellationToken ct, string? field = null)
    {
        try
        {
            await act();
            Flash = text[flashKey];
            return RedirectToPage("/Contracts/Details", null, new { id }, "contract-work");
        }
        catch (DomainException ex)
        {
            var map = field is null ? null : ex.Errors.Select(e => e.Field).Distinct().ToDictionary(f => f, _ => field);
            ModelState.AddDomainError(ex, messages, string.Empty, map);
            await LoadAsync(id, form, ct);
            return Page();
        }
    }
}
