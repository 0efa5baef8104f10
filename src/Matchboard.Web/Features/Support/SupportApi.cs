using System.Security.Claims;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matchboard.Web.Features.Support;

public static class SupportApi
{
    public static RouteGroupBuilder MapSupportApi(this RouteGroupBuilder api)
    {
        api.MapGet("/supporters", (string? category, SupportService service, ClaimsPrincipal user, CancellationToken ct) =>
                service.ListNearbyAsync(category, user, ct))
            .RequireAuthorization(Policies.Officer)
            .WithTags("Support")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Verified individual supporters in the association's ward, by ward and categories only (never name or contact).");

        var requests = api.MapGroup("/support-requests").WithTags("Support")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        requests.MapGet("/", (SupportService service, ClaimsPrincipal user, CancellationToken ct) => service.ListAsync(user, ct))
            .RequireAuthorization(Policies.Member)
            .WithSummary("The association's sent requests, or the supporter's received ones.");
        requests.MapGet("/{id:int}", (int id, SupportService service, ClaimsPrincipal user, CancellationToken ct) => service.GetSentAsync(id, user, ct))
            .RequireAuthorization(Policies.Officer)
            .WithSummary("One sent request: the supporter's name and contact once it has accepted.");

        var officer = requests.MapGroup("/").RequireAuthorization(Policies.Officer).RequireRateLimiting(RateLimits.Writes);
        officer.MapPost("/", async Task<Created<SentSupportRequestDto>> (SendSupportRequest request, SupportService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var sent = await service.SendAsync(request, user, ct);
                return TypedResults.Created($"/api/support-requests/{sent.Id}", sent);
            })
            .AcceptsIdempotencyKey()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Ask a nearby supporter for help with one of our published tasks (SupportRequested); one open request per supporter and task.");
        officer.MapPost("/{id:int}/withdraw", (int id, SupportService service, ClaimsPrincipal user, CancellationToken ct) => service.WithdrawAsync(id, user, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Take back a request the supporter has not answered.");

        var supporter = requests.MapGroup("/").RequireAuthorization(Policies.Supporter).RequireRateLimiting(RateLimits.Writes);
        supporter.MapPost("/{id:int}/accept", (int id, SupportService service, ClaimsPrincipal user, CancellationToken ct) => service.AnswerAsync(id, accept: true, user, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The supporter accepts (SupportAnswered): the association then sees its name and contact.");
        supporter.MapPost("/{id:int}/decline", (int id, SupportService service, ClaimsPrincipal user, CancellationToken ct) => service.AnswerAsync(id, accept: false, user, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The supporter declines (SupportAnswered).");
        return api;
    }
}
