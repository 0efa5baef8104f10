using System.Security.Claims;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Idempotency;

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
            .AcceptsIdempotencyKey()
            .WithTags("Contracts");

        var contracts = api.MapGroup("/contracts").RequireAuthorization(Policies.Marketplace).WithTags("Contracts");
        contracts.MapGet("/{id:int}", (int id, ContractService service, ClaimsPrincipal user, CancellationToken ct) =>
                service.GetAsync(id, user, ct))
            .WithSummary("The contract; the other side's contact person only once both have signed.");

        // Every change answers with the contract as the caller now sees it; refusals are problem details.
        var changes = contracts.MapGroup("/{id:int}").RequireRateLimiting(RateLimits.Writes)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        changes.MapPut("/terms", (int id, TermsRequest request, ContractService service, ClaimsPrincipal user, CancellationToken ct) =>
                service.SetTermsAsync(id, request, user, ct))
            .WithSummary("The association sets payment timing and insurance; a change clears signatures.");
        changes.MapPut("/contacts/mine", (int id, ContactRequest request, ContractService service, ClaimsPrincipal user, CancellationToken ct) =>
                service.SetContactAsync(id, request, user, ct))
            .WithSummary("Our side's contact person; a change clears signatures.");
        changes.MapPost("/sign", (int id, ContractService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.SignAsync(id, user, ct));
        changes.MapPost("/withdraw-award", (int id, ReasonRequest request, ContractService service, ClaimsPrincipal user, CancellationToken ct) =>
                service.WithdrawAwardAsync(id, request, user, ct))
            .WithSummary("The association takes back an award the winner did not sign by SignBy.");
        changes.MapPost("/deliver", (int id, DeliverRequest request, ContractService service, ClaimsPrincipal user, CancellationToken ct) =>
                service.DeliverAsync(id, request, user, ct))
            .WithSummary("The provider reports the work done, with a completion note.");
        changes.MapPost("/accept", (int id, ContractService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.AcceptAsync(id, user, ct));
        changes.MapPost("/request-changes", (int id, ReasonRequest request, ContractService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.RequestChangesAsync(id, request, user, ct));
        changes.MapPost("/terminate", (int id, ReasonRequest request, ContractService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.TerminateAsync(id, request, user, ct));

        return api;
    }
}
