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

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        Code = code is 403 or 404 or 409 or 400 ? code : 500;
        Heading = text[$"errors.{Code}.title"];
        Explanation = text[$"errors.{Code}.text"];
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound;
        }
    }
}
