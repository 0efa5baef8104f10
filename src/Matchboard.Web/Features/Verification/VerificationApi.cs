using System.Security.Claims;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Matchboard.Web.Features.Verification;

public static class VerificationApi
{
    public static RouteGroupBuilder MapVerificationApi(this RouteGroupBuilder api)
    {
        var city = api.MapGroup("/city/verification").RequireAuthorization(Policies.CityStaff).WithTags("Verification");
        city.MapGet("/", (VerificationService service, CancellationToken ct) => service.QueueAsync(ct));
        city.MapGet("/verified-groups", (VerificationService service, CancellationToken ct) => service.VerifiedGroupsAsync(ct));
        city.MapGet("/{organizationId:int}", (int organizationId, VerificationService service, CancellationToken ct) =>
            service.EntryAsync(organizationId, ct));
        city.MapPost("/{organizationId:int}/decisions", (int organizationId, DecideRequest request, VerificationService service, ClaimsPrincipal user, CancellationToken ct) =>
                service.DecideAsync(organizationId, request, user, ct))
            .RequireRateLimiting(RateLimits.Writes);

        var mine = api.MapGroup("/verification").RequireAuthorization(Policies.Member).WithTags("Verification");
        mine.MapGet("/mine", (VerificationService service, ClaimsPrincipal user, CancellationToken ct) => service.MineAsync(user, ct));

        // Multipart: the cross-site guard already holds cookie requests to the page's token, and bearer clients have none.
        mine.MapPost("/mine/documents", async (IFormFile? file, [FromForm] DocumentKind? kind, VerificationService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var document = await service.UploadAsync(kind, file?.FileName, file?.Length ?? 0, () => file!.OpenReadStream(), user, ct);
                return TypedResults.Created(document.Url, document);
            })
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimits.Writes);
        mine.MapGet("/documents/{id:int}", async (int id, VerificationService service, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var (document, content) = await service.OpenAsync(id, user, ct);
            return TypedResults.File(content, document.ContentType, document.FileName);
        });
        return api;
    }
}
