using System.Threading.RateLimiting;
using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.RateLimiting;

namespace Matchboard.Web;

/// <summary>
/// Caps how fast one organization can change things, so a stuck client cannot flood other users with pushes;
/// and how often anyone may try to sign in (<c>Matchboard:SignInsPerMinute</c> per address,
/// <c>Matchboard:SignInsPerAccountPerMinute</c> per account), so passwords cannot be guessed at speed; and how
/// many sign-ups and password-reset requests one address may send (<c>Matchboard:SignUpsPerHour</c>, strict: each
/// one mails an address the caller typed, and 10,000 sign-ups from one address are an attack, not a club).
/// </summary>
public static class RateLimits
{
    public const string Writes = nameof(Writes);

    /// <summary>Sign-ups and password-reset requests, per client address, per hour.</summary>
    public const string SignUps = nameof(SignUps);

    public static IServiceCollection AddMatchboardRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Matchboard:WritesPerMinute", 120);
        var signUps = configuration.GetValue("Matchboard:SignUpsPerHour", 10);
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
            // Only the posts count: opening the form again and again costs nothing and mails nobody.
            options.AddPolicy(SignUps, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = signUps, Window = TimeSpan.FromHours(1) }));
        });
    }
}
