namespace Matchboard.Web.Infrastructure.CrossSite;

/// <summary>
/// The origins the site's own pages are served from (<c>Matchboard:SiteOrigins</c>, a list such as
/// <c>["https://matchboard.example.jp"]</c>). A request's own scheme and host always count as well, so the
/// default (nothing configured) is "same origin only"; configure more when the pages are served under another
/// name than the one the API is reached by.
/// </summary>
public sealed class SiteOrigins
{
    public const string Section = "Matchboard:SiteOrigins";

    private readonly Uri[] _configured;

    public SiteOrigins(IEnumerable<string> configured)
    {
        _configured = configured
            .Where(o => !string.IsNullOrWhiteSpace(o))
            .Select(o => Uri.TryCreate(o.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new InvalidOperationException($"{Section} holds '{o}', which is not an http(s) origin."))
            .ToArray();
    }

    public static SiteOrigins From(IConfiguration configuration) =>
        new(configuration.GetSection(Section).Get<string[]>() ?? []);

    /// <summary>
    /// Where the request says it comes from: its <c>Origin</c>, or lacking one its <c>Referer</c>; null when it
    /// names neither. <c>Origin: null</c> (a sandboxed or privacy-stripped context) is a claim that is never allowed.
    /// </summary>
    public static string? ClaimedOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (!string.IsNullOrEmpty(origin))
        {
            return origin;
        }

        var referer = request.Headers.Referer.ToString();
        return string.IsNullOrEmpty(referer) ? null : referer;
    }

    /// <summary>True when the claimed origin is the request's own scheme and host, or one of the configured origins.</summary>
    public bool Allows(HttpRequest request, string claimed)
    {
        if (!Uri.TryCreate(claimed, UriKind.Absolute, out var from) || from.Scheme is not ("http" or "https"))
        {
            return false;
        }

        return (Uri.TryCreate($"{request.Scheme}://{request.Host}", UriKind.Absolute, out var own) && SameOrigin(from, own))
            || _configured.Any(site => SameOrigin(from, site));
    }

    // Scheme, host and port (default ports normalized away), case-insensitively: the browser's notion of an origin.
    private static bool SameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0;
}
