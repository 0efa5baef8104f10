using System.Security.Claims;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matchboard.Web.Features.Bids;

public static class BidsApi
{
    public static RouteGroupBuilder MapBidsApi(this RouteGroupBuilder api)
    {
        var bids = api.MapGroup("/tasks/{taskId:int}/bids").WithTags("Bids");

        // ?sort=score (the rubric's published order, the default) or ?sort=amount (lowest amount first).
        bids.MapGet("/", (int taskId, string? sort, BidService service, ClaimsPrincipal user, CancellationToken ct) =>
                service.ListForTaskAsync(taskId, sort, user, ct))
            .RequireAuthorization(Policies.Officer);

        var mine = bids.MapGroup("/").RequireAuthorization(Policies.CivicGroup);
        mine.MapGet("/mine", (int taskId, BidService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.GetMineAsync(taskId, user, ct));

        // The confirmation step for API clients: the bid as it would be sent and its warnings; saves nothing.
        mine.MapPost("/preview", (int taskId, BidRequest request, BidService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.PreviewAsync(taskId, request, user, ct));

        var writes = mine.MapGroup("/").RequireRateLimiting(RateLimits.Writes);
        writes.MapPost("/", async Task<Created<BidDto>> (
            int taskId, BidRequest request, BidService service, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var bid = await service.PlaceAsync(taskId, request, user, ct);
            return TypedResults.Created($"/api/tasks/{taskId}/bids/mine", bid);
        }).AcceptsIdempotencyKey();

        writes.MapPut("/mine", (int taskId, BidRequest request, BidService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.ReviseAsync(taskId, request, user, ct));

        writes.MapPost("/mine/confirm", (int taskId, BidService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.ConfirmAsync(taskId, user, ct));

        writes.MapDelete("/mine", async Task<NoContent> (int taskId, BidService service, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await service.WithdrawAsync(taskId, user, ct);
            return TypedResults.NoContent();
        });

        return api;
    }
}
