using Matchboard.Domain;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Alerts;

/// <summary>
/// One alert: what happened, every step with its time, and 確認しました（対応の記録） with a note (PRG). The two
/// parties see it; city staff once it was escalated to them (the service checks both).
/// </summary>
[Authorize(Policy = Policies.Marketplace)]
public sealed class DetailsModel(AlertService alerts, IStringLocalizer<Messages> messages, IStringLocalizer<UiText> text) : PageModel
{
    public AlertDto Alert { get; private set; } = null!;

    [BindProperty]
    public string? Note { get; set; }

    [TempData]
    public string? Flash { get; set; }

    /// <summary>
    /// Who may answer, as the domain rule says: the association (the only party of that kind), or city staff once
    /// escalated. The provider sees the alert but answers through its reports.
    /// </summary>
    public bool CanAcknowledge => Alert.AcknowledgedAt is null && (User.OrganizationKind() == OrganizationKind.Association
        || (User.OrganizationKind() == OrganizationKind.CityOffice && Alert.EscalatedAt is not null));

    public async Task OnGetAsync(int id, CancellationToken ct) => Alert = await alerts.GetAsync(id, User, ct);

    public async Task<IActionResult> OnGetStateAsync(int id, CancellationToken ct)
    {
        Alert = await alerts.GetAsync(id, User, ct);
        return Partial("/Features/Alerts/_AlertState.cshtml", this);
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(int id, CancellationToken ct)
    {
        try
        {
            await alerts.AcknowledgeAsync(id, new AcknowledgeRequest(Note), User, ct);
            Flash = text["alert.flash-acknowledged"];
            return RedirectToPage("/Alerts/Details", new { id });
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages, string.Empty, new Dictionary<string, string> { ["note"] = nameof(Note) });
            Alert = await alerts.GetAsync(id, User, ct);
            return Page();
        }
    }
}
