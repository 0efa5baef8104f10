using Matchboard.Domain;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Complaints;

/// <summary>Anyone signed in reports a review to the city, with a reason (once per review).</summary>
[Authorize(Policy = Policies.Member)]
public sealed class ReportReviewModel(ComplaintService complaints, IStringLocalizer<Messages> messages, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(int reviewId, CancellationToken ct)
    {
        try
        {
            await complaints.ReportReviewAsync(reviewId, new ReportReviewRequest(Reason), User, ct);
            Flash = text["report.flash-sent"];
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages, prefix: string.Empty);
            return Page();
        }
    }
}
