using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests.AuthorizationMatrix;

/// <summary>
/// The app's own list of what can be called, read from its routing: every API route under /api with its HTTP
/// method ("POST /api/tasks/{id:int}/cancel"), and every Razor Page handler ("GET /Tasks/{id:int}",
/// "GET /Tasks/{id:int}?handler=Region", "POST /Contracts/{id:int}?handler=Sign"). Page handlers are
/// known only once a page is compiled, so each page endpoint is loaded through the framework's own
/// <see cref="PageLoader"/>, which the router itself uses.
/// </summary>
public static class AppEndpoints
{
    public static async Task<IReadOnlyList<string>> ListAsync(IServiceProvider services)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var loader = services.GetRequiredService<PageLoader>();
        foreach (var endpoint in services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints))
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var route = "/" + (page.AttributeRouteInfo?.Template ?? page.ViewEnginePath.TrimStart('/'));
                var handlers = compiled.HandlerMethods.Count == 0
                    ? [("GET", (string?)null)]
                    : compiled.HandlerMethods.Select(h => (h.HttpMethod.ToUpperInvariant(), h.Name));
                foreach (var (method, name) in handlers)
                {
                    keys.Add(name is null ? $"{method} {route}" : $"{method} {route}?handler={name}");
                }
            }
            else if (endpoint is RouteEndpoint { RoutePattern.RawText: { } raw } route
                && route.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods
                && raw.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
            {
                var path = raw.Length > 1 ? raw.TrimEnd('/') : raw;
                foreach (var method in methods.HttpMethods)
                {
                    keys.Add($"{method} {path}");
                }
            }
        }

        return [.. keys];
    }

    /// <summary>"POST /Contracts/{id:int}?handler=Sign" → ("POST", "Sign"); API keys have no handler.</summary>
    public static (HttpMethod Method, string? Handler) Parse(string key)
    {
        var space = key.IndexOf(' ');
        var handler = key.IndexOf("?handler=", StringComparison.Ordinal) is var at and >= 0 ? key[(at + 9)..] : null;
        return (new HttpMethod(key[..space]), handler);
    }

    public static bool IsPage(string key) => !key[(key.IndexOf(' ') + 1)..].StartsWith("/api", StringComparison.OrdinalIgnoreCase);
}
