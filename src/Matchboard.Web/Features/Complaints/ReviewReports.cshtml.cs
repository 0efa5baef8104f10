using Matchboard.Domain;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Complaints;

/// <summary>City staff's queue of reported reviews, each with the reports' reasons and a form to hide it with a reason.</summary>
[Authorize(Policy = Policies.CityStaff)]
public sealed class ReviewReportsModel(ComplaintService complaints, IStringLocalizer<Messages> messages, IStringLocalizer<UiText> text) : PageModel
{
    public IReadOnlyList<ReportedReviewDto> Reported { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Reported = await complaints.ReportedReviewsAsync(ct);

    public async Task<IActionResult> OnPostHideAsync(int reviewId, string? reason, CancellationToken ct)
    {
        try
        {
            await complaints.HideReviewAsync(reviewId, new HideReviewRequest(reason), User, ct);
            Flash = text["report.flash-hidden"];
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages, prefix: string.Empty, new Dictionary<string, string> { ["reason"] = $"Reason_{reviewId}" });
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, messages["error.review.already-hidden"]);
        }

        Reported = await complaints.ReportedReviewsAsync(ct);
        return Page();
    }
}
