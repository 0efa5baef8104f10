using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Matchboard.Web.Features.Home;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
