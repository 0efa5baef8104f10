using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace Matchboard.Web.Infrastructure.Caching;

/// <summary>
/// Who shares the board's cached copy: anonymous GET/HEAD requests only (no Authorization header, nobody signed in by
/// cookie or token; a signed-in member sees personal bits, so is neither served a copy nor stored), one copy per query
/// and language, tagged <see cref="BoardCache.Tag"/>. Only plain 200 answers that set no cookie are kept.
/// </summary>
public sealed class BoardCachePolicy(TimeSpan lifetime) : IOutputCachePolicy
{
    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var anonymous = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && string.IsNullOrEmpty(http.Request.Headers.Authorization)
            && http.User.Identity?.IsAuthenticated != true;

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = anonymous;
        context.AllowCacheStorage = anonymous;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = lifetime;
        context.Tags.Add(BoardCache.Tag);
        context.CacheVaryByRules.QueryKeys = "*";

        // Not by host: the pages link relatively, and instances addressed by their own host:port share the copies.
        context.CacheVaryByRules.VaryByHost = false;

        // The language chosen by Accept-Language or the culture cookie (request localization ran before us).
        context.CacheVaryByRules.VaryByValues["lang"] = CultureInfo.CurrentUICulture.Name;

        // The window of the app's own clock (see BoardCache.Lifetime): a copy never outlives its window.
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var window = clock.GetUtcNow().ToUnixTimeMilliseconds() / (long)lifetime.TotalMilliseconds;
        context.CacheVaryByRules.VaryByValues["window"] = window.ToString(CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !string.IsNullOrEmpty(response.Headers[HeaderNames.SetCookie]))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
