using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Matchboard.Web.Features.Dashboard;

/// <summary>
/// City staff: 状況の一覧. Each table has its chart (server-side SVG, hidden from screen readers: the table is the
/// accessible version) and a CSV download of the same table.
/// </summary>
[Authorize(Policy = Policies.CityStaff)]
public sealed class IndexModel(DashboardService service, DashboardTables layout) : PageModel
{
    public DashboardFigures Figures { get; private set; } = null!;

    public IReadOnlyList<DashboardTable> Tables { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Figures = await service.ComputeAsync(ct);
        Tables = layout.All(Figures);
    }

    /// <summary>One table as CSV (<c>?handler=Csv&amp;table=wards</c>), in the reader's language like the page.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken ct)
    {
        var chosen = layout.ById(await service.ComputeAsync(ct), table);
        return chosen is null
            ? NotFound()
            : File(DashboardCsv.Write(chosen), "text/csv; charset=utf-8", DashboardCsv.FileName(chosen));
    }
}
