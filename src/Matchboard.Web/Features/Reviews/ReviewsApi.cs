using System.Security.Claims;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Idempotency;

namespace Matchboard.Web.Features.Reviews;

public static class ReviewsApi
{
    public static RouteGroupBuilder MapReviewsApi(this RouteGroupBuilder api)
    {
        var reviews = api.MapGroup("/contracts/{id:int}/reviews").RequireAuthorization(Policies.Marketplace).WithTags("Reviews")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        reviews.MapGet("/", (int id, ReviewService service, ClaimsPrincipal user, CancellationToken ct) =>
                service.ListAsync(id, user, ct))
            .WithSummary("Our review always; the other side's once both are in or 14 days after the end.");
        reviews.MapPost("/", (int id, ReviewRequest request, ReviewService service, ClaimsPrincipal user, CancellationToken ct) =>
                service.AddAsync(id, request, user, ct))
            .RequireRateLimiting(RateLimits.Writes)
            .AcceptsIdempotencyKey()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Our one review of the other side (1–5 and a comment), after completion or termination.");
        reviews.MapPost("/{reviewId:int}/reply", (int id, int reviewId, ReplyRequest request, ReviewService service, ClaimsPrincipal user, CancellationToken ct) =>
                service.ReplyAsync(id, reviewId, request, user, ct))
            .RequireRateLimiting(RateLimits.Writes)
            .AcceptsIdempotencyKey()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The reviewed side's one reply to a released review.");

        api.MapGet("/organizations/{id:int}/reviews", (int id, ReviewService service, CancellationToken ct) =>
                service.ForOrganizationAsync(id, ct))
            .WithTags("Reviews")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An organization's released reviews, average and count, and completed contracts by category (public).");

        return api;
    }
}
