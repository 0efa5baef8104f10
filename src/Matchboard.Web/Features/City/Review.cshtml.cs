using Matchboard.Domain;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Verification;
using Matchboard.Web.Infrastructure;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.City;

/// <summary>
/// City staff review one organization: what it submitted, its documents and every decision so far, and decide.
/// A decision is first shown back for confirmation (「確定する」), then taken on the version the page was shown
/// with: if another member of staff decided meanwhile, this one is refused and the page shows what happened.
/// </summary>
[Authorize(Policy = Policies.CityStaff)]
public sealed class ReviewModel(
    MatchboardDbContext db,
    VerificationService verification,
    IStringLocalizer<Messages> messages,
    IStringLocalizer<UiText> text) : PageModel
{
    public Organization Organization { get; private set; } = null!;

    public VerificationEntryDto Entry { get; private set; } = null!;

    /// <summary>The decision the page asks to confirm, or null while none is chosen.</summary>
    public VerificationOutcome? Confirming { get; private set; }

    [BindProperty]
    public VerificationOutcome? Decision { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    [TempData]
    public string? Flash { get; set; }

    /// <summary>The decisions staff may take now, from the organization's state.</summary>
    public IReadOnlyList<VerificationOutcome> Choices => Entry.Status switch
    {
        VerificationStatus.Pending => [VerificationOutcome.Verified, VerificationOutcome.InformationRequested, VerificationOutcome.Declined],
        VerificationStatus.InformationRequested => [VerificationOutcome.Verified, VerificationOutcome.Declined],
        VerificationStatus.Declined => [VerificationOutcome.Reconsidered, VerificationOutcome.Verified],
        VerificationStatus.Suspended => [VerificationOutcome.Verified],
        _ => [VerificationOutcome.Suspended],
    };

    public static bool NeedsReason(VerificationOutcome outcome) =>
        outcome is VerificationOutcome.Declined or VerificationOutcome.InformationRequested or VerificationOutcome.Suspended;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The confirmation step: nothing changes yet.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Decision is not { } decision || !Choices.Contains(decision))
        {
            ModelState.AddModelError(nameof(Decision), messages["error.verification.outcome-invalid"]);
            return Page();
        }

        if (NeedsReason(decision) && string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), text["city.reason-required"]);
            return Page();
        }

        Confirming = decision;
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(int id, CancellationToken ct)
    {
        try
        {
            await verification.DecideAsync(id, new DecideRequest(Decision, Reason, Version), User, ct);
            var name = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).SingleAsync(ct);
            Flash = text["city.decided." + Decision, name];
            return RedirectToPage(new { id });
        }
        catch (ResourceNotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages, prefix: string.Empty, fieldMap: new Dictionary<string, string> { ["reason"] = nameof(Reason), ["decision"] = nameof(Decision) });
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, text["city.decided-meanwhile"]);
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking()
            .SingleOrDefaultAsync(o => o.Id == id && o.Kind != OrganizationKind.CityOffice, ct);
        if (organization is null)
        {
            return false;
        }

        Organization = organization;
        Entry = await verification.EntryAsync(id, ct);
        return true;
    }
}
