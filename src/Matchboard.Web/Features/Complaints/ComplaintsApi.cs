using System.Security.Claims;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure;
using Matchboard.Web.Infrastructure.Idempotency;

namespace Matchboard.Web.Features.Complaints;

public static class ComplaintsApi
{
    public static RouteGroupBuilder MapComplaintsApi(this RouteGroupBuilder api)
    {
        var mine = api.MapGroup("/complaints").RequireAuthorization(Policies.Marketplace).WithTags("Complaints")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        mine.MapPost("/", async (FileComplaintRequest request, ComplaintService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var complaint = await service.FileAsync(request, user, ct);
                return TypedResults.Created($"/api/complaints/{complaint.Id}", complaint);
            })
            .RequireRateLimiting(RateLimits.Writes)
            .AcceptsIdempotencyKey()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("File a complaint (苦情) with the city: about an award (a bidder), a review or conduct (a party to the contract).");
        mine.MapGet("/", (ComplaintService service, ClaimsPrincipal user, CancellationToken ct) => service.MineAsync(user, ct))
            .WithSummary("Our organization's complaints with the city's answers, newest first.");
        mine.MapGet("/{id:int}", (int id, ComplaintService service, ClaimsPrincipal user, CancellationToken ct) => service.GetAsync(id, user, ct))
            .WithSummary("One complaint, for its filer or city staff.");

        var city = api.MapGroup("/city").RequireAuthorization(Policies.CityStaff).WithTags("Complaints")
            .ProducesProblem(StatusCodes.Status404NotFound);
        city.MapGet("/complaints", (ComplaintService service, CancellationToken ct) => service.QueueAsync(ct))
            .WithSummary("Open complaints oldest first, then answered ones.");
        city.MapGet("/complaints/counts", (ComplaintService service, CancellationToken ct) => service.CountsAsync(ct))
            .WithSummary("How many complaints are open, and how many were ever filed.");
        city.MapPost("/complaints/{id:int}/answer", (int id, AnswerComplaintRequest request, ComplaintService service, ClaimsPrincipal user, CancellationToken ct) =>
                service.AnswerAsync(id, request, user, ct))
            .RequireRateLimiting(RateLimits.Writes)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Answer a complaint once, on the version read; the filer is told.");
        city.MapGet("/review-reports", (ComplaintService service, CancellationToken ct) => service.ReportedReviewsAsync(ct))
            .WithSummary("Reported reviews not hidden, with the reports' reasons.");
        city.MapPost("/reviews/{reviewId:int}/hide", async (int reviewId, HideReviewRequest request, ComplaintService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await service.HideReviewAsync(reviewId, request, user, ct);
                return TypedResults.NoContent();
            })
            .RequireRateLimiting(RateLimits.Writes)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Hide a review with a reason, shown in its place.");

        api.MapPost("/reviews/{reviewId:int}/reports", async (int reviewId, ReportReviewRequest request, ComplaintService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await service.ReportReviewAsync(reviewId, request, user, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Member)
            .WithTags("Complaints")
            .RequireRateLimiting(RateLimits.Writes)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Report a review to the city (anyone signed in, once per review).");
        return api;
    }
}
