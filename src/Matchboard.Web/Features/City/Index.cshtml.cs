using Matchboard.Domain;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.City;

/// <summary>
/// City staff: civic groups waiting for 市による確認. Verify calls <see cref="Organization.Verify"/>.
/// The domain has no "rejected" state, so rejecting locks the group's user accounts (they can no longer
/// sign in, and their current sessions end at the next security-stamp check); the group stays unverified and
/// is listed under 「確認を見送った団体」, where staff can undo it (unlock the accounts).
/// </summary>
[Authorize(Policy = Policies.CityStaff)]
public sealed class IndexModel(
    MatchboardDbContext db,
    UserManager<ApplicationUser> users,
    IStringLocalizer<Messages> messages,
    IStringLocalizer<UiText> text,
    TimeProvider clock) : PageModel
{
    public IReadOnlyList<Organization> Waiting { get; private set; } = [];

    public IReadOnlyList<Organization> Declined { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostVerifyAsync(int organizationId, CancellationToken ct)
    {
        var group = await db.Organizations.SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (group is null)
        {
            return NotFound();
        }

        try
        {
            group.Verify();
            await db.SaveChangesAsync(ct);
            await SetLockedAsync(organizationId, locked: false);
            Flash = text["city.verified", group.Name];
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages);
            await LoadAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRejectAsync(int organizationId, CancellationToken ct)
    {
        var group = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId && o.Kind == OrganizationKind.CivicGroup && !o.IsVerified, ct);
        if (group is null)
        {
            return NotFound();
        }

        await SetLockedAsync(organizationId, locked: true);
        Flash = text["city.rejected", group.Name];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int organizationId, CancellationToken ct)
    {
        var group = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (group is null)
        {
            return NotFound();
        }

        await SetLockedAsync(organizationId, locked: false);
        Flash = text["city.restored", group.Name];
        return RedirectToPage();
    }

    private async Task SetLockedAsync(int organizationId, bool locked)
    {
        var members = await users.Users.Where(u => u.OrganizationId == organizationId).ToListAsync();
        foreach (var user in members)
        {
            if (locked)
            {
                await users.SetLockoutEnabledAsync(user, true);
                await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
                await users.UpdateSecurityStampAsync(user);
            }
            else if (user.LockoutEnd is not null)
            {
                await users.SetLockoutEndDateAsync(user, null);
            }
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var unverified = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.CivicGroup && !o.IsVerified)
            .OrderBy(o => o.Id)
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var lockedIds = (await db.Users.AsNoTracking()
                .Where(u => u.LockoutEnd != null)
                .Select(u => new { u.OrganizationId, u.LockoutEnd })
                .ToListAsync(ct))
            .Where(u => u.LockoutEnd > now.AddYears(50))
            .Select(u => u.OrganizationId)
            .ToHashSet();
        Waiting = unverified.Where(o => !lockedIds.Contains(o.Id)).ToList();
        Declined = unverified.Where(o => lockedIds.Contains(o.Id)).ToList();
    }
}
