using Matchboard.Domain;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Certifications;
using Matchboard.Web.Infrastructure;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.City;

/// <summary>What city staff may do with a group's certification mark from its page.</summary>
public enum CertificationAction
{
    Grant,
    Suspend,
    Revoke,
}

/// <summary>
/// City staff's page for one civic group's certification mark: its state today, every decision, and the forms to grant
/// or renew, suspend and revoke. Like the verification page, a decision is first shown back for confirmation and then
/// taken through <see cref="CertificationService"/> on the version the page was shown with; a decision taken by
/// someone else meanwhile is refused with a clean message.
/// </summary>
[Authorize(Policy = Policies.CityStaff)]
public sealed class CertificationModel(
    CertificationService certification,
    IStringLocalizer<Messages> messages,
    IStringLocalizer<UiText> text) : PageModel
{
    public CertificationStatusDto Status { get; private set; } = null!;

    /// <summary>The action the page asks to confirm, or null while none is chosen.</summary>
    public CertificationAction? Confirming { get; private set; }

    [BindProperty]
    public CertificationAction? Action { get; set; }

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public DateOnly? ValidFrom { get; set; }

    [BindProperty]
    public DateOnly? ValidTo { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    [TempData]
    public string? Flash { get; set; }

    /// <summary>A mark that still counts (or has not started yet) is renewed rather than granted anew.</summary>
    public bool Renewing => Status.State is CertificationState.Valid or CertificationState.ExpiringSoon or CertificationState.NotYetValid;

    /// <summary>A mark in force may be suspended or revoked; a suspended one may still be revoked.</summary>
    public bool CanSuspend => Renewing;

    public bool CanRevoke => Renewing || Status.State is CertificationState.Suspended;

    /// <summary>The badge's view of the mark, as everyone else sees it.</summary>
    public Organizations.CertificationDto? Badge => Status.Number is null ? null : new Organizations.CertificationDto
    {
        Number = Status.Number,
        Issued = Status.ValidFrom!.Value,
        Expires = Status.ValidTo!.Value,
        IsSuspended = Status.State == CertificationState.Suspended,
        IsRevoked = Status.State == CertificationState.Revoked,
    };

    private CertificationGrantRequest GrantRequest => new(Number, ValidFrom, ValidTo, Note, Version);

    private CertificationReasonRequest ReasonRequest => new(Reason, Version);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The confirmation step: nothing changes yet.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Action is not { } action)
        {
            ModelState.AddModelError(string.Empty, text["certpage.action-required"]);
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            // The same rules the decision applies, so that what is confirmed is not then refused.
            await (action switch
            {
                CertificationAction.Grant => certification.CheckGrantAsync(id, GrantRequest, User, ct),
                CertificationAction.Suspend => certification.CheckSuspendAsync(id, ReasonRequest, User, ct),
                _ => certification.CheckRevokeAsync(id, ReasonRequest, User, ct),
            });
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages, prefix: string.Empty);
            return Page();
        }

        Confirming = action;
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(int id, CancellationToken ct)
    {
        try
        {
            var done = Action switch
            {
                CertificationAction.Grant => await certification.GrantOrRenewAsync(id, GrantRequest, User, ct),
                CertificationAction.Suspend => await certification.SuspendAsync(id, ReasonRequest, User, ct),
                CertificationAction.Revoke => await certification.RevokeAsync(id, ReasonRequest, User, ct),
                _ => null,
            };
            if (done is not null)
            {
                Flash = text["certpage.done." + done.History[^1].Kind, done.OrganizationName];
                return RedirectToPage(new { id });
            }

            ModelState.AddModelError(string.Empty, text["certpage.action-required"]);
        }
        catch (ResourceNotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages, prefix: string.Empty);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, text["certpage.changed-meanwhile"]);
            Version = null;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        try
        {
            Status = await certification.GetAsync(id, ct);
            return true;
        }
        catch (ResourceNotFoundException)
        {
            return false;
        }
    }
}
