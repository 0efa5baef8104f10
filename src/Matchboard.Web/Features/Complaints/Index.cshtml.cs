using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Matchboard.Web.Features.Complaints;

/// <summary>The filer's complaints with the city's answers.</summary>
[Authorize(Policy = Policies.Marketplace)]
public sealed class IndexModel(ComplaintService complaints) : PageModel
{
    public IReadOnlyList<ComplaintDto> Complaints { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Complaints = await complaints.MineAsync(User, ct);
}
