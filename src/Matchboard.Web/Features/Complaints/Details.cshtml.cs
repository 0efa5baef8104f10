using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Matchboard.Web.Features.Complaints;

/// <summary>One complaint and the city's answer: where <c>ComplaintAnswered</c> links. Its filer and city staff only.</summary>
[Authorize(Policy = Policies.Marketplace)]
public sealed class DetailsModel(ComplaintService complaints) : PageModel
{
    public ComplaintDto Complaint { get; private set; } = null!;

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(int id, CancellationToken ct) => Complaint = await complaints.GetAsync(id, User, ct);
}
