using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Matchboard.Web.Features.Accounts;

/// <summary>
/// Session lifetimes and the checks that make signing out final. Settings (TimeSpan):
/// <c>Matchboard:Sessions:AccessTokenLifetime</c> (15 minutes), <c>Matchboard:Sessions:RefreshTokenLifetime</c> (14 days),
/// <c>Matchboard:Sessions:CookieLifetime</c> (8 hours, sliding: fits a shared family computer).
/// </summary>
public static class SessionSetup
{
    public static IServiceCollection AddMatchboardSessions(this IServiceCollection services, IConfiguration configuration)
    {
        var accessToken = configuration.GetValue("Matchboard:Sessions:AccessTokenLifetime", TimeSpan.FromMinutes(15));
        var refreshToken = configuration.GetValue("Matchboard:Sessions:RefreshTokenLifetime", TimeSpan.FromDays(14));
        var cookie = configuration.GetValue("Matchboard:Sessions:CookieLifetime", TimeSpan.FromHours(8));

        services.AddScoped<SessionService>();
        services.AddScoped<SignInAttempts>();
        services.AddSingleton<SignInFailures>();

        // A changed stamp (sign-out everywhere), an ended session and a deactivated account end a cookie at once: the
        // session check below compares the cookie's stamp with the user's on every request, in one query. Identity's own
        // stamp validator therefore runs at its usual interval: run on every request it reloaded the user and its claims
        // and re-issued (re-encrypted) the cookie on every response, a third of a signed-in page's time, to refresh
        // claims that never change (the organization, its kind and the display name are fixed at creation).
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(30);
            options.OnRefreshingPrincipal = context =>
            {
                // The principal is rebuilt from the user on each check; the session it belongs to must stay on it.
                if (context.CurrentPrincipal?.FindFirst(SessionClaims.SessionId) is { } session)
                {
                    ((ClaimsIdentity)context.NewPrincipal!.Identity!).AddClaim(new Claim(SessionClaims.SessionId, session.Value));
                }

                return Task.CompletedTask;
            };
        });
        services.ConfigureApplicationCookie(options =>
        {
            options.ExpireTimeSpan = cookie;
            options.SlidingExpiration = true;
            var stampCheck = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                await stampCheck(context);
                if (context.Principal is { } principal && !await IsOpenAsync(context.HttpContext, principal))
                {
                    context.RejectPrincipal();
                }
            };
        });
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, options =>
        {
            options.BearerTokenExpiration = accessToken;
            options.RefreshTokenExpiration = refreshToken;
            var findToken = options.Events.OnMessageReceived;
            options.Events.OnMessageReceived = async context =>
            {
                await findToken(context);
                var token = context.Token ?? BearerTokenOf(context.Request);
                if (token is not null && context.Options.BearerTokenProtector.Unprotect(token) is { Principal: { } principal }
                    && !await IsOpenAsync(context.HttpContext, principal))
                {
                    context.Fail("The session has ended.");
                }
            };
        });
        return services;
    }

    private static Task<bool> IsOpenAsync(HttpContext http, ClaimsPrincipal principal)
    {
        var stampClaim = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        return http.RequestServices.GetRequiredService<SessionService>().IsOpenAsync(principal, stampClaim);
    }

    private static string? BearerTokenOf(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : null;
}
