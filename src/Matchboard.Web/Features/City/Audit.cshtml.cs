using Matchboard.Domain;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Audit;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.City;

/// <summary>City staff: the full audit log, newest first, filtered by action, organization and period; and a check of the chain.</summary>
[Authorize(Policy = Policies.CityStaff)]
public sealed class AuditModel(AuditService audit, IStringLocalizer<Messages> messages) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? OrganizationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Verify { get; set; }

    public PagedResult<AuditEntryDto>? Result { get; private set; }

    public AuditVerificationDto? Verification { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Verify)
        {
            Verification = await audit.VerifyAsync(ct);
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        try
        {
            Result = await audit.ListAsync(new AuditQuery(string.IsNullOrEmpty(Action) ? null : Action, OrganizationId, From, To, PageNumber, null), ct);
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.Invalid)
        {
            foreach (var error in ex.Errors)
            {
                ModelState.AddModelError(error.Field, messages["field." + error.Code]);
            }
        }
    }
}
