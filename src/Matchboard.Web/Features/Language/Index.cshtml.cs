using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Matchboard.Web.Features.Language;

/// <summary>The language switch: remembers the choice in the request-culture cookie for a year.</summary>
public sealed class IndexModel(TimeProvider clock) : PageModel
{
    /// <summary>The layout's link (no form, so that pages carry no antiforgery token); without a culture, home.</summary>
    public IActionResult OnGet(string? culture, string? returnUrl) =>
        culture is null ? LocalRedirect("/") : Switch(culture, returnUrl);

    public IActionResult OnPost(string? culture, string? returnUrl) => Switch(culture, returnUrl);

    private IActionResult Switch(string? culture, string? returnUrl)
    {
        var chosen = culture == "en" ? "en" : "ja";
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
