using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Matchboard.Web.Features.Alerts;

/// <summary>連絡（要確認）: my organization's open alerts, urgent first; city staff see those escalated to them.</summary>
[Authorize(Policy = Policies.Marketplace)]
public sealed class IndexModel(AlertService alerts) : PageModel
{
    public IReadOnlyList<AlertDto> Alerts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Alerts = await alerts.ListOpenAsync(User, ct);

    public async Task<IActionResult> OnGetListAsync(CancellationToken ct)
    {
        Alerts = await alerts.ListOpenAsync(User, ct);
        return Partial("/Features/Alerts/_AlertList.cshtml", Alerts);
    }
}
