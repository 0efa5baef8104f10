using Microsoft.AspNetCore.OutputCaching;

namespace Matchboard.Web.Infrastructure.Caching;

/// <summary>
/// Drops every cached copy of the board. Called after a commit that changed a task; a failure (Redis away) is logged
/// and swallowed: the change is committed, and the copies expire within <see cref="BoardCache.Lifetime"/> anyway.
/// </summary>
public sealed class BoardEviction(IOutputCacheStore store, ILogger<BoardEviction> logger)
{
    public async Task EvictAsync(CancellationToken ct = default)
    {
        try
        {
            await store.EvictByTagAsync(BoardCache.Tag, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not evict the cached board; it expires within {Lifetime}", BoardCache.Lifetime);
        }
    }
}
