namespace Matchboard.Web.Features.Accounts;

public static class AuthApi
{
    /// <summary>
    /// Identity's endpoints (login, refresh, password reset, manage) under <c>/api/auth</c>, less self-registration:
    /// every account belongs to an organization and is made for it, so an account without one must not exist.
    /// </summary>
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Accounts");
        auth.MapIdentityApi<ApplicationUser>();
        auth.AddEndpointFilter(async (context, next) =>
            context.HttpContext.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern }
                && pattern.EndsWith("/register", StringComparison.OrdinalIgnoreCase)
                ? TypedResults.NotFound()
                : await next(context));
        return api;
    }
}
