using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Errors;

/// <summary>The friendly page for 403, 404, 409 and other statuses (reached by re-execution or by redirect).</summary>
[IgnoreAntiforgeryToken]
public sealed class IndexModel(IStringLocalizer<UiText> text) : PageModel
{
    public int Code { get; private set; }

    public string Heading { get; private set; } = string.Empty;

    public string Explanation { get; private set; } = string.Empty;

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private IActionResult Show(int code)
    {
        // The default challenge (bearer, for the API) answers 401; on pages, go to the sign-in page instead.
        var reExecute = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        if (code == StatusCodes.Status401Unauthorized)
        {
            var returnUrl = reExecute is null ? "/" : reExecute.OriginalPathBase + reExecute.OriginalPath + reExecute.OriginalQueryString;
            Response.StatusCode = StatusCodes.Status302Found;
            Response.Headers.Location = "/Accounts/SignIn?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
            return new EmptyResult();
        }

        Code = code is 403 or 404 or 409 or 400 ? code : 500;
        Heading = text[$"errors.{Code}.title"];
        Explanation = text[$"errors.{Code}.text"];
        if (reExecute is null)
        {
            Response.StatusCode = code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
