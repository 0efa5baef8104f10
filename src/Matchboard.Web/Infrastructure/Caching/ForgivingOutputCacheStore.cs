using Microsoft.AspNetCore.OutputCaching;

namespace Matchboard.Web.Infrastructure.Caching;

/// <summary>
/// The Redis store with Redis away: a lookup is a miss and a store or an eviction is skipped (logged), so the board is
/// read from the database as without a cache, never answered with an error. Copies are short-lived
/// (<see cref="BoardCache.Lifetime"/>), so a skipped eviction heals by itself.
/// </summary>
public sealed class ForgivingOutputCacheStore(IOutputCacheStore inner, ILogger<ForgivingOutputCacheStore> logger) : IOutputCacheStore
{
    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.GetAsync(key, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Output cache lookup failed; answering without the cache");
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Output cache store failed; the answer is not cached");
        }
    }

    // Eviction failures reach BoardEviction, which logs them with what they mean.
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

    /// <summary>Wraps the registered store (the Redis one) in this.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(registered);
        services.AddSingleton<IOutputCacheStore>(sp =>
        {
            var inner = registered switch
            {
                { ImplementationInstance: IOutputCacheStore instance } => instance,
                { ImplementationFactory: { } factory } => (IOutputCacheStore)factory(sp),
                _ => (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!),
            };
            return new ForgivingOutputCacheStore(inner, sp.GetRequiredService<ILogger<ForgivingOutputCacheStore>>());
        });
    }
}
