using System.Security.Claims;
using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matchboard.Web.Features.Team;

/// <summary>
/// <c>/api/team</c>: the caller's own organization's team (members, pending invitations), inviting, revoking and
/// removing; and <c>/api/invitations/accept</c>, where an invited person without an account joins.
/// </summary>
public static class TeamApi
{
    public static RouteGroupBuilder MapTeamApi(this RouteGroupBuilder api)
    {
        var team = api.MapGroup("/team").RequireAuthorization(Policies.Member).WithTags("Team");
        team.MapGet("/", (ClaimsPrincipal user, TeamService service, CancellationToken ct) => service.GetAsync(user, ct));
        team.MapPost("/invitations", async Task<Created<InvitationDto>> (ClaimsPrincipal user, InviteRequest request, TeamService service, CancellationToken ct) =>
            TypedResults.Created("/api/team", await service.InviteAsync(user, request.Email, ct)));
        team.MapDelete("/invitations/{id:int}", async Task<NoContent> (int id, ClaimsPrincipal user, TeamService service, CancellationToken ct) =>
        {
            await service.RevokeAsync(user, id, ct);
            return TypedResults.NoContent();
        });
        team.MapDelete("/members/{userId}", async Task<NoContent> (string userId, ClaimsPrincipal user, TeamService service, CancellationToken ct) =>
        {
            await service.RemoveAsync(user, userId, ct);
            return TypedResults.NoContent();
        });

        // Anyone with the link: the token is the authority. Sign in afterwards with /api/auth/login.
        api.MapPost("/invitations/accept", async Task<Ok<AcceptedInvitationDto>> (AcceptInvitationRequest request, TeamService service, CancellationToken ct) =>
            {
                var user = await service.AcceptAsync(request.Token, request.DisplayName, request.Password, ct);
                var team = await service.OrganizationNameAsync(user.OrganizationId, ct);
                return TypedResults.Ok(new AcceptedInvitationDto(user.Email!, user.OrganizationId, team));
            })
            .WithTags("Team");
        return api;
    }
}
