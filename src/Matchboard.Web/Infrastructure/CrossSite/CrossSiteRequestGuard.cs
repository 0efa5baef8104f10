using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Infrastructure.CrossSite;

/// <summary>
/// The sign-in cookie rides along with any request the browser makes, whichever site made it; a bearer token
/// does not. So a request under /api or /hubs that the cookie authenticates must show that our own pages made it:
/// <list type="bullet">
/// <item>an unsafe one (POST, PUT, PATCH, DELETE) names an allowed origin in <c>Origin</c> (or, lacking it,
/// <c>Referer</c>) and carries the page's antiforgery token in the <see cref="TokenHeader"/> header (a form field
/// does not count: a script of ours sets the header, a cross-site form cannot);</item>
/// <item>any request to /hubs that names an origin names an allowed one: this refuses a foreign WebSocket upgrade,
/// which is a GET that browsers always send with <c>Origin</c>.</item>
/// </list>
/// Bearer requests (header, or the hub's <c>access_token</c> query) and anonymous ones pass untouched, as do cookie
/// GETs to /api (the pages' script catches up with them; a foreign site cannot read the answer). Razor Pages keep
/// their own antiforgery. A refusal is a localized 403 problem, before any endpoint runs, so nothing changes.
/// </summary>
public sealed class CrossSiteRequestGuard(RequestDelegate next, SiteOrigins origins, IAntiforgery antiforgery)
{
    public const string TokenHeader = "X-CSRF-TOKEN";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var toHub = request.Path.StartsWithSegments("/hubs");
        if (!toHub && !request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        var unsafeMethod = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));
        if ((unsafeMethod || toHub) && await IsCookieAuthenticatedAsync(context))
        {
            var claimed = SiteOrigins.ClaimedOrigin(request);
            if (claimed is null ? unsafeMethod : !origins.Allows(request, claimed))
            {
                await RefuseAsync(context, "cross-site.origin");
                return;
            }

            if (unsafeMethod && (!request.Headers.ContainsKey(TokenHeader) || !await antiforgery.IsRequestValidAsync(context)))
            {
                await RefuseAsync(context, "cross-site.token");
                return;
            }
        }

        await next(context);
    }

    // The app's default scheme tries the bearer token first and falls back to the cookie only when there is no
    // token at all; a request is the cookie's when that fallback is what signed it in.
    private static async Task<bool> IsCookieAuthenticatedAsync(HttpContext context)
    {
        if (!(await context.AuthenticateAsync(IdentityConstants.BearerScheme)).None)
        {
            return false;
        }

        return (await context.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Succeeded;
    }

    private static async Task RefuseAsync(HttpContext context, string code)
    {
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<Messages>>();
        var problem = new ProblemDetails { Status = StatusCodes.Status403Forbidden, Detail = localizer[$"error.{code}"] };
        problem.Extensions["code"] = code;
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
