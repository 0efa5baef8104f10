using Matchboard.Domain;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Matchboard.Web.Features.Matching;

/// <summary>
/// "Recommended for us": every open task ranked for the signed-in civic group by the published rubric
/// (<see cref="MatchService.TasksForAsync"/>, the same as GET /api/matches/tasks), with the board's filters and paging
/// and the reasons beside each. A plain GET form, so it works without JavaScript.
/// </summary>
[Authorize(Policy = Policies.CivicGroup)]
public sealed class RecommendedModel(MatchService matches) : PageModel
{
    public const int PageSize = 10;

    /// <summary>How many reasons each card shows.</summary>
    public const int ReasonCount = 3;

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

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<TaskMatchDto> Result { get; private set; } = new([], 0, 1, PageSize);

    public int PageCount => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public bool Filtered => Ward is not null || Category is not null || Pay is not null || Within is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Unknown codes in the URL are ignored rather than shown as an error (as on the board).
        Ward = Wards.IsKnown(Ward) ? Ward : null;
        Category = Categories.IsKnown(Category) ? Category : null;
        Pay = Pay is "fee" or "volunteer" ? Pay : null;
        Within = Within is > 0 and <= 365 ? Within : null;
        PageNumber = Math.Clamp(PageNumber, 1, TaskService.MaxPage);
        var volunteer = Pay switch { "fee" => false, "volunteer" => (bool?)true, _ => null };
        Result = await matches.TasksForAsync(
            new TaskMatchQuery(Category, Ward, null, volunteer, Within, PageNumber, PageSize), User, ct);
    }

    /// <summary>The current filters as route values, for the paging links.</summary>
    public Dictionary<string, string> RouteValues(int page)
    {
        var values = new Dictionary<string, string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                values[key] = value;
            }
        }

        Add("ward", Ward);
        Add("category", Category);
        Add("pay", Pay);
        Add("within", Within?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("p", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return values;
    }
}
