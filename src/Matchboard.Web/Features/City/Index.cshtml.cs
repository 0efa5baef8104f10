using Matchboard.Domain;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.City;

/// <summary>
/// City staff: civic groups waiting for 市による確認, to verify or decline; declined groups can be put back
/// on the waiting list. Every change goes through the organization's own guarded transitions.
/// </summary>
[Authorize(Policy = Policies.CityStaff)]
public sealed class IndexModel(
    MatchboardDbContext db,
    IStringLocalizer<Messages> messages,
    IStringLocalizer<UiText> text) : PageModel
{
    public IReadOnlyList<Organization> Waiting { get; private set; } = [];

    public IReadOnlyList<Organization> Declined { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostVerifyAsync(int organizationId, CancellationToken ct) =>
        ChangeAsync(organizationId, group => group.Verify(), "city.verified", ct);

    public Task<IActionResult> OnPostRejectAsync(int organizationId, CancellationToken ct) =>
        ChangeAsync(organizationId, group => group.DeclineVerification(), "city.rejected", ct);

    public Task<IActionResult> OnPostRestoreAsync(int organizationId, CancellationToken ct) =>
        ChangeAsync(organizationId, group => group.ReconsiderVerification(), "city.restored", ct);

    private async Task<IActionResult> ChangeAsync(int organizationId, Action<Organization> change, string doneKey, CancellationToken ct)
    {
        var group = await db.Organizations.SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (group is null)
        {
            return NotFound();
        }

        try
        {
            change(group);
            await db.SaveChangesAsync(ct);
            Flash = text[doneKey, group.Name];
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages);
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var unverified = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.CivicGroup && !o.IsVerified)
            .OrderBy(o => o.Id)
            .ToListAsync(ct);
        Waiting = unverified.Where(o => !o.IsVerificationDeclined).ToList();
        Declined = unverified.Where(o => o.IsVerificationDeclined).ToList();
    }
}
