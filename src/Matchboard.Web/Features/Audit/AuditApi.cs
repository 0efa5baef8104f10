using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matchboard.Web.Features.Audit;

/// <summary>
/// The audit log over HTTP: the public head and any past sequence's hash (anyone may check that history was not
/// rewritten), and for city staff the full log, filtered, and a verification of the whole chain.
/// </summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        var open = api.MapGroup("/public/audit").AllowAnonymous().WithTags("Audit");
        open.MapGet("/head", async Task<Results<Ok<AuditHeadDto>, NoContent>> (AuditService service, CancellationToken ct) =>
                await service.HeadAsync(ct) is { } head ? TypedResults.Ok(head) : TypedResults.NoContent())
            .WithSummary("The latest sealed audit entry: sequence and SHA-256 hash (204 while nothing is sealed yet).");
        open.MapGet("/{sequence:long}", async Task<Ok<AuditHeadDto>> (long sequence, AuditService service, CancellationToken ct) =>
                TypedResults.Ok(await service.AtAsync(sequence, ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The hash at a past sequence, to check a head noted down earlier.");

        var city = api.MapGroup("/city/audit").RequireAuthorization(Policies.CityStaff).WithTags("City");
        city.MapGet("/", async Task<Ok<Tasks.PagedResult<AuditEntryDto>>> ([AsParameters] AuditQuery query, AuditService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(query, ct)))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The full audit log, newest first, filtered by action, organization and period (Japan days); paged.");
        city.MapGet("/verify", async Task<Ok<AuditVerificationDto>> (AuditService service, CancellationToken ct) =>
                TypedResults.Ok(await service.VerifyAsync(ct)))
            .WithSummary("Recomputes the whole chain: holds, or the first entry that does not match its hash.");
        return api;
    }
}
