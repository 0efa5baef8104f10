using Matchboard.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;

namespace Matchboard.Web.Infrastructure.Runtime;

/// <summary>
/// What lets several identical instances serve one deployment: the Redis backplane (only when configured),
/// sign-in keys shared through the database, and the readiness check a load balancer asks.
/// </summary>
public static class RuntimeExtensions
{
    /// <summary>Keys are isolated per application name; every instance (and the admin command) must use this one.</summary>
    public const string ApplicationName = "Matchboard";

    public const string ReadyTag = "ready";

    public static IServiceCollection AddMatchboardRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        // Cookies, bearer tokens, antiforgery tokens and set-password links are protected with keys kept in the shared
        // database, so that one instance accepts what another issued; with a fixed name, whatever folder each runs from.
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<MatchboardDbContext>();

        var health = services.AddHealthChecks()
            .AddDbContextCheck<MatchboardDbContext>("database", tags: [ReadyTag]);

        if (configuration[RedisConnection.ConfigurationSetting] is { Length: > 0 } redisConfiguration)
        {
            services.AddSingleton(sp => new RedisConnection(redisConfiguration, sp.GetRequiredService<ILogger<RedisConnection>>()));
            services.AddSignalR().AddStackExchangeRedis();
            services.AddOptions<RedisOptions>().Configure<RedisConnection>((options, redis) =>
            {
                options.Configuration = redis.Options;
                options.ConnectionFactory = _ => redis.GetAsync();
            });
            health.AddCheck<RedisReadinessCheck>("redis", tags: [ReadyTag]);
        }

        return services;
    }

    /// <summary>
    /// <c>/health</c>: liveness, the process answers (no dependency checked, so a Redis or database blink never gets
    /// an instance restarted). <c>/health/ready</c>: the database and, when configured, Redis answer (503 otherwise).
    /// </summary>
    public static IEndpointRouteBuilder MapMatchboardHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}
