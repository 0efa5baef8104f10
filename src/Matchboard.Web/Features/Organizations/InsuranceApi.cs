using System.Security.Claims;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure;

namespace Matchboard.Web.Features.Organizations;

public static class InsuranceApi
{
    public static RouteGroupBuilder MapInsuranceApi(this RouteGroupBuilder api)
    {
        var insurance = api.MapGroup("/organizations/me/insurance")
            .RequireAuthorization(Policies.CivicGroup)
            .WithTags("Organizations");
        insurance.MapGet("/", (InsuranceService service, ClaimsPrincipal user, CancellationToken ct) => service.GetAsync(user, ct))
            .WithSummary("Our group's declared insurance (declared: false when none).");
        insurance.MapPut("/", (InsuranceRequest request, InsuranceService service, ClaimsPrincipal user, CancellationToken ct) =>
                service.DeclareAsync(user, request, ct))
            .RequireRateLimiting(RateLimits.Writes)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Declares our insurance (insurer, policy number optional, last day of cover); replaces an earlier declaration. Tasks requiring insurance take our bids only when it covers their start date.");
        return api;
    }
}
