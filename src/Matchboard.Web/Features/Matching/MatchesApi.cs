using System.Security.Claims;
using Matchboard.Web.Features.Accounts;

namespace Matchboard.Web.Features.Matching;

public static class MatchesApi
{
    public static RouteGroupBuilder MapMatchesApi(this RouteGroupBuilder api)
    {
        var matches = api.MapGroup("/matches").WithTags("Matching").RequireAuthorization(Policies.CivicGroup);

        matches.MapGet("/tasks", (MatchService service, ClaimsPrincipal user, [AsParameters] TaskMatchQuery query, CancellationToken ct) =>
                service.TasksForAsync(query, user, ct))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Open tasks ranked for the caller's civic group by the published rubric, each with its score and reasons (ja/en). Filter like the board; paged.");
        return api;
    }
}
