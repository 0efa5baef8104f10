using System.Threading.RateLimiting;
using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.RateLimiting;

namespace Matchboard.Web;

/// <summary>Caps how fast one organization can change things, so a stuck client cannot flood other users with pushes.</summary>
public static class RateLimits
{
    public const string Writes = nameof(Writes);

    public static IServiceCollection AddMatchboardRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Matchboard:WritesPerMinute", 120);
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
