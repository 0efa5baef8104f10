using Matchboard.Domain;
using Matchboard.Domain.Complaints;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Idempotency;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Complaints;

/// <summary>The filer's form: a complaint about the award, review or contract it was opened from.</summary>
[Authorize(Policy = Policies.Marketplace)]
public sealed class NewModel(ComplaintService complaints, FormIdempotency idempotency, IStringLocalizer<Messages> messages, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ComplaintSubject? Subject { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? TaskId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? ContractId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? ReviewId { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public IActionResult OnGet() => Subject is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var result = await idempotency.RunAsync(async () =>
            {
                var complaint = await complaints.FileAsync(new FileComplaintRequest(Subject, TaskId, ContractId, ReviewId, Text), User, ct);
                return new FormResult(ComplaintService.PagePath(complaint.Id), text["complaint.flash-filed"]);
            }, ct);
            if (result is null)
            {
                ModelState.AddModelError(string.Empty, messages["error.idempotency-key-reused"]);
                return Page();
            }

            Flash = result.Flash;
            return LocalRedirect(result.Location);
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages, prefix: string.Empty);
            return Page();
        }
    }
}
