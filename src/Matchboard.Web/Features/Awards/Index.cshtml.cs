using System.Globalization;
using Matchboard.Domain;
using Matchboard.Web.Features.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Matchboard.Web.Features.Awards;

/// <summary>
/// The public award register (決定した依頼の一覧). A plain GET form filters it and a plain link downloads it as CSV
/// with the same filters, so it works without JavaScript and without signing in.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(AwardRegisterService register) : PageModel
{
    private const int PageSize = 10;

    [BindProperty(SupportsGet = true)]
    public string? Ward { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Association { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Group { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<AwardRegisterEntryDto> Result { get; private set; } = new([], 0, 1, PageSize);

    public IReadOnlyList<RegisterPartyDto> Associations { get; private set; } = [];

    public IReadOnlyList<RegisterPartyDto> Groups { get; private set; } = [];

    public int PageCount => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Unknown codes, dates or pages in a link are ignored rather than shown as an error (the API refuses them).
        Ward = Wards.IsKnown(Ward) ? Ward : null;
        Category = Categories.IsKnown(Category) ? Category : null;
        Association = Association is > 0 ? Association : null;
        Group = Group is > 0 ? Group : null;
        From = From is { } from && DateBounds.Contains(from) ? from : null;
        To = To is { } to && DateBounds.Contains(to) && (From is null || to >= From) ? to : null;
        PageNumber = Math.Clamp(PageNumber, 1, AwardRegisterService.MaxPage);
        Result = await register.ListAsync(new AwardRegisterQuery(Ward, Category, Association, Group, From, To, PageNumber, PageSize), ct);
        (Associations, Groups) = await register.PartiesAsync(ct);
    }

    /// <summary>The filters as query values, with the page when it is not the first.</summary>
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

        if (Association is { } association)
        {
            values["association"] = association.ToString(CultureInfo.InvariantCulture);
        }

        if (Group is { } group)
        {
            values["group"] = group.ToString(CultureInfo.InvariantCulture);
        }

        if (From is { } from)
        {
            values["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (To is { } to)
        {
            values["to"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (page > 1)
        {
            values["p"] = page.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }

    /// <summary>The CSV download under the same filters (the whole register, not this page).</summary>
    public string CsvUrl => QueryString.Create(RouteValues(1)!) is { HasValue: true } query
        ? "/api/public/awards.csv" + query.Value
        : "/api/public/awards.csv";
}
