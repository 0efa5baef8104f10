using System.Security.Claims;
using Matchboard.Web.Features.Accounts;

namespace Matchboard.Web.Features.Contracts;

public static class ContractsApi
{
    public static RouteGroupBuilder MapContractsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/tasks/{taskId:int}/award", (
                int taskId, AwardRequest request, ContractService service, ClaimsPrincipal user, CancellationToken ct) =>
                service.AwardAsync(taskId, request, user, ct))
            .RequireAuthorization(Policies.Officer)
            .RequireRateLimiting(RateLimits.Writes)
            .WithTags("Contracts");

        var contracts = api.MapGroup("/contracts").RequireAuthorization(Policies.Member).WithTags("Contracts");
        contracts.MapGet("/{id:int}", (int id, ContractService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.GetAsync(id, user, ct));
        contracts.MapPost("/{id:int}/sign", (int id, ContractService service, ClaimsPrincipal user, CancellationToken ct) =>
                service.SignAsync(id, user, ct))
            .RequireRateLimiting(RateLimits.Writes);

        return api;
    }
}
