using System.Security.Claims;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure;

namespace Matchboard.Web.Features.Certifications;

public static class CertificationApi
{
    public static RouteGroupBuilder MapCertificationApi(this RouteGroupBuilder api)
    {
        var mark = api.MapGroup("/organizations/{id:int}/certification")
            .RequireAuthorization(Policies.CityStaff)
            .WithTags("Certification");
        mark.MapGet("/", (int id, CertificationService service, CancellationToken ct) => service.GetAsync(id, ct))
            .WithSummary("The group's certification mark: its state today and every decision about it.");

        // Decisions answer with the mark as it now stands; refusals are problem details.
        var decisions = mark.MapGroup("/").RequireRateLimiting(RateLimits.Writes)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        decisions.MapPost("/", (int id, CertificationGrantRequest request, CertificationService service, ClaimsPrincipal user, CancellationToken ct) =>
                service.GrantOrRenewAsync(id, request, user, ct))
            .WithSummary("Grants the mark (number, valid from, valid to, note), or renews the one that still counts.");
        decisions.MapPost("/suspend", (int id, CertificationReasonRequest request, CertificationService service, ClaimsPrincipal user, CancellationToken ct) =>
                service.SuspendAsync(id, request, user, ct))
            .WithSummary("Suspends the mark with a reason: it stops counting at once and the group's live bids on tasks requiring it are withdrawn.");
        decisions.MapPost("/revoke", (int id, CertificationReasonRequest request, CertificationService service, ClaimsPrincipal user, CancellationToken ct) =>
                service.RevokeAsync(id, request, user, ct))
            .WithSummary("Revokes the mark with a reason (final).");
        return api;
    }
}
