using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;

namespace Matchboard.Web.Infrastructure.Validation;

/// <summary>
/// Page forms change the same things as the API (bid, ask, award, sign, report…), so they count against the
/// same per-organization write limit. The policy itself lets reads through (see <see cref="RateLimits"/>),
/// so only the pages' POSTs are counted. Sign-in has its own throttle, and choosing a language changes nothing.
/// </summary>
public sealed class PageWriteLimits : IPageApplicationModelConvention
{
    private static readonly HashSet<string> Exempt = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Accounts/SignIn",
        "/Language/Index",
        "/Errors/Index",
    };

    public void Apply(PageApplicationModel model)
    {
        if (!Exempt.Contains(model.ViewEnginePath))
        {
            model.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimits.Writes));
        }
    }
}
