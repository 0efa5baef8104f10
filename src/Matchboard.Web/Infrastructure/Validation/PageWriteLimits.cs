using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;

namespace Matchboard.Web.Infrastructure.Validation;

/// <summary>
/// Page forms change the same things as the API (bid, ask, award, sign, report…), so they count against the
/// same per-organization write limit. The policy itself lets reads through (see <see cref="RateLimits"/>),
/// so only the pages' POSTs are counted. Sign-in has its own throttle, and choosing a language changes nothing.
/// The pages that mail an address someone typed (sign-up, forgotten password) count per address under
/// <see cref="RateLimits.SignUps"/>, as their API twins do.
/// </summary>
public sealed class PageWriteLimits : IPageApplicationModelConvention
{
    private static readonly HashSet<string> Exempt = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Accounts/SignIn",
        "/Language/Index",
        "/Errors/Index",
    };

    private static readonly HashSet<string> SignUpPages = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Join/Index",
        "/Accounts/ForgotPassword",
    };

    public void Apply(PageApplicationModel model)
    {
        if (SignUpPages.Contains(model.ViewEnginePath))
        {
            model.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimits.SignUps));
        }
        else if (!Exempt.Contains(model.ViewEnginePath))
        {
            model.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimits.Writes));
        }
    }
}
