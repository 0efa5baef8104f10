using Matchboard.Domain;
using Matchboard.Web.Features.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Matchboard.Web.Features.Directory;

/// <summary>The public directory of verified civic groups. A plain GET form filters it, so it works without JavaScript.</summary>
[AllowAnonymous]
public sealed class GroupsModel(DirectoryService directory) : PageModel
{
    private const int PageSize = 10;

    [BindProperty(SupportsGet = true)]
    public string? Ward { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<PublicGroupDto> Result { get; private set; } = new([], 0, 1, PageSize);

    public int PageCount => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Unknown codes or pages in a link are ignored rather than shown as an error (the API refuses them).
        Ward = Wards.IsKnown(Ward) ? Ward : null;
        Category = Categories.IsKnown(Category) ? Category : null;
        PageNumber = Math.Clamp(PageNumber, 1, DirectoryService.MaxPage);
        Result = await directory.ListAsync(new GroupDirectoryQuery(Ward, Category, PageNumber, PageSize), ct);
    }

    public Dictionary<string, string> RouteValues(int page)
    {
        var values = new Dictionary<string, string>();
        if (Ward is not null)
        {
            values["ward"] = Ward;
        }

        if (Category is not null)
        {
            values["category"] = Category;
        }

        if (page > 1)
        {
            values["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return values;
    }
}
