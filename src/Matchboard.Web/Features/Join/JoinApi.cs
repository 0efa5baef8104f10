using Matchboard.Web.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Join;

/// <summary><c>POST /api/registrations</c>: anyone may sign up; per address rate-limited; a retry with the same <c>Idempotency-Key</c> signs up once.</summary>
public static class JoinApi
{
    public static RouteGroupBuilder MapJoinApi(this RouteGroupBuilder api)
    {
        api.MapPost("/registrations", Register)
            .WithTags("Joining")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignUps)
            .AcceptsIdempotencyKeyFromAnyone()
            .Produces<RegistrationAcceptedDto>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    /// <summary>
    /// 202 with the same body for a new address and a known one (the mail says which); 400 with field errors,
    /// 409 for a name already used in the ward. Nothing is created until the address is confirmed… except the
    /// unconfirmed account itself, which cannot sign in.
    /// </summary>
    private static async Task<Accepted<RegistrationAcceptedDto>> Register(
        RegistrationRequest request, RegistrationService registrations, IStringLocalizer<Messages> messages, CancellationToken ct)
    {
        await registrations.RegisterAsync(request, ct);
        return TypedResults.Accepted((string?)null, Accepted(messages));
    }

    public static RegistrationAcceptedDto Accepted(IStringLocalizer<Messages> messages) =>
        new("confirmation-sent", messages["registration.confirmation-sent"]);
}
