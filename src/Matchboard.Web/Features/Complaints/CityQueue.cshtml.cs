using Matchboard.Domain;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Complaints;

/// <summary>City staff's queue of complaints, the oldest open one first, each open one with its answer form (PRG).</summary>
[Authorize(Policy = Policies.CityStaff)]
public sealed class CityQueueModel(ComplaintService complaints, IStringLocalizer<Messages> messages, IStringLocalizer<UiText> text) : PageModel
{
    public IReadOnlyList<ComplaintDto> Complaints { get; private set; } = [];

    public ComplaintCountsDto Counts { get; private set; } = new(0, 0);

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAnswerAsync(int complaintId, string? answer, int? version, CancellationToken ct)
    {
        try
        {
            await complaints.AnswerAsync(complaintId, new AnswerComplaintRequest(answer, version), User, ct);
            Flash = text["complaint.flash-answered"];
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages, prefix: string.Empty, new Dictionary<string, string> { ["answer"] = $"Answer_{complaintId}" });
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another member of staff answered meanwhile: theirs stands, and the page now shows it.
            ModelState.AddModelError(string.Empty, messages["error.complaint.already-answered"]);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Complaints = await complaints.QueueAsync(ct);
        Counts = await complaints.CountsAsync(ct);
    }
}
