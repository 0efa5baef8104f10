using Matchboard.Domain;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Matchboard.Web.Features.Tasks;

/// <summary>
/// The board of open tasks (public), and for a civic group "tasks that match us" (<c>?matching=true</c>).
/// A plain GET form filters it, so it works without JavaScript; the list is also a live region. Anonymous visitors
/// share one cached copy per URL and language (Infrastructure/Caching/BoardCache).
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.Caching.BoardCache.Policy)]
public sealed class BoardModel(TaskService tasks) : PageModel
{
    private const int PageSize = 10;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Ward { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    /// <summary>"fee", "volunteer" or empty for both.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Pay { get; set; }

    /// <summary>Deadline within this many days, or empty.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Within { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Matching { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<TaskSummaryDto> Result { get; private set; } = new([], 0, 1, PageSize);

    public bool CanMatch => User.OrganizationKind() == OrganizationKind.CivicGroup;

    public static IReadOnlyList<int> WithinChoices { get; } = [3, 7, 14, 30];

    public int PageCount => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetListAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Partial("_TaskList", this);
    }

    /// <summary>The current filters as route values, for paging links and the live region's URL.</summary>
    public Dictionary<string, string> RouteValues(int? page = null, string? handler = null)
    {
        var values = new Dictionary<string, string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                values[key] = value;
            }
        }

        Add("q", Q);
        Add("ward", Ward);
        Add("category", Category);
        Add("pay", Pay);
        Add("within", Within?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("matching", Matching && CanMatch ? "true" : null);
        Add("p", (page ?? PageNumber) > 1 ? (page ?? PageNumber).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        Add("handler", handler);
        return values;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        // Unknown codes in the URL are ignored rather than shown as an error.
        Ward = Wards.IsKnown(Ward) ? Ward : null;
        Category = Categories.IsKnown(Category) ? Category : null;
        Within = Within is > 0 and <= 365 ? Within : null;
        Matching = Matching && CanMatch;
        PageNumber = Math.Max(1, PageNumber);
        var volunteer = Pay switch { "fee" => false, "volunteer" => (bool?)true, _ => null };

        Result = await tasks.ListAsync(
            new TaskQuery(null, Category, Ward, Q, null, Matching ? true : null, volunteer, PageNumber, PageSize, Within),
            User,
            ct);
    }
}
