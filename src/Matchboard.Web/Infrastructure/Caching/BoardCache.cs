using Matchboard.Web.Infrastructure.Runtime;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Matchboard.Web.Infrastructure.Caching;

/// <summary>
/// Output caching of the public task board (the page and <c>GET /api/tasks</c>) for anonymous visitors: one copy per
/// URL and language serves every visitor, and any saved change to a task evicts them all (after the commit). On several
/// instances the copies live in Redis, so that an eviction on one instance is seen by all.
/// </summary>
public static class BoardCache
{
    public const string Policy = "Board";

    public const string Tag = "board";

    /// <summary>
    /// The backstop: "open but past the deadline counts as closed" changes with time and saves nothing, so no eviction
    /// tells us; a copy is at most this old (and the copies are keyed by this window of the app's clock, so that a
    /// test's moved clock sees a fresh board). A bid refused on a deadline shown open for a few seconds is refused by the
    /// domain either way.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    /// <summary>Configurable (e.g. longer for the scale-out tests, whose instances keep the real clock).</summary>
    public const string LifetimeSetting = "Matchboard:BoardCache:Lifetime";

    public static IServiceCollection AddMatchboardBoardCache(this IServiceCollection services, IConfiguration configuration)
    {
        var lifetime = configuration.GetValue(LifetimeSetting, Lifetime);
        services.AddOutputCache(options => options.AddPolicy(Policy, new BoardCachePolicy(lifetime)));
        if (configuration[RedisConnection.ConfigurationSetting] is { Length: > 0 })
        {
            // Shares the app's one Redis connection (the SignalR backplane's); replaces the in-memory store.
            services.AddStackExchangeRedisOutputCache(_ => { });
            services.AddOptions<RedisOutputCacheOptions>().Configure<RedisConnection>((options, redis) =>
            {
                options.InstanceName = RedisConnection.ChannelPrefix + ":";
                options.ConnectionMultiplexerFactory = async () => await redis.GetAsync();
            });
            ForgivingOutputCacheStore.Decorate(services);
        }

        services.AddSingleton<BoardEviction>();
        services.AddSingleton<IInterceptor, BoardChangeInterceptor>();
        return services;
    }
}
