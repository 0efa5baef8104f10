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

        // The posting association's view of one task: the groups (and, separately, the supporters) that fit it.
        var forTask = api.MapGroup("/tasks").WithTags("Matching").RequireAuthorization(Policies.Officer);
        forTask.MapGet("/{id:int}/matches", (int id, MatchService service, ClaimsPrincipal user, [AsParameters] GroupMatchQuery query, CancellationToken ct) =>
                service.GroupsForTaskAsync(id, query, user, ct))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("For the posting association: verified civic groups that fit the task, ranked by the published rubric with score, reasons (ja/en) and whether already invited (paged); individual supporters ranked separately, by ward and categories only.");
        return api;
    }
}
