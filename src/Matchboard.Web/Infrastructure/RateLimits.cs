using System.Threading.RateLimiting;
using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.RateLimiting;

namespace Matchboard.Web;

/// <summary>
/// Caps how fast one organization can change things, so a stuck client cannot flood other users with pushes;
/// and how often anyone may try to sign in (<c>Matchboard:SignInsPerMinute</c> per address,
/// <c>Matchboard:SignInsPerAccountPerMinute</c> per account), so passwords cannot be guessed at speed.
/// </summary>
public static class RateLimits
{
    public const string Writes = nameof(Writes);

    public static IServiceCollection AddMatchboardRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Matchboard:WritesPerMinute", 120);
        services.AddSingleton(new SignInThrottle(
            configuration.GetValue("Matchboard:SignInsPerMinute", 10),
            configuration.GetValue("Matchboard:SignInsPerAccountPerMinute", 5)));
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Reads are never counted: pages carry this policy for their form posts (PageWriteLimits).
            options.AddPolicy(Writes, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.User.OrganizationId()?.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) }));
        });
    }
}
