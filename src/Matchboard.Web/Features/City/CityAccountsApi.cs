using System.Security.Claims;
using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matchboard.Web.Features.City;

/// <summary><c>/api/city/accounts</c>: city staff find, switch off, switch on and help recover accounts.</summary>
public static class CityAccountsApi
{
    public static RouteGroupBuilder MapCityAccountsApi(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/city/accounts").RequireAuthorization(Policies.CityStaff).WithTags("City");
        accounts.MapGet("/", async Task<Ok<IReadOnlyList<CityAccountDto>>> (string? q, CityAccountService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(q, ct)));
        accounts.MapGet("/{userId}", async Task<Ok<CityAccountDto>> (string userId, CityAccountService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(userId, ct)));
        accounts.MapPost("/{userId}/deactivate", async Task<Ok<CityAccountDto>> (string userId, DeactivateRequest request, ClaimsPrincipal user, CityAccountService service, CancellationToken ct) =>
            TypedResults.Ok(await service.DeactivateAsync(user, userId, request.Reason, ct)));
        accounts.MapPost("/{userId}/reactivate", async Task<Ok<CityAccountDto>> (string userId, ClaimsPrincipal user, CityAccountService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ReactivateAsync(user, userId, ct)));
        accounts.MapPost("/{userId}/recovery-link", async Task<Accepted> (string userId, ClaimsPrincipal user, CityAccountService service, CancellationToken ct) =>
        {
            await service.SendRecoveryLinkAsync(user, userId, ct);
            return TypedResults.Accepted((string?)null);
        });
        return api;
    }
}
