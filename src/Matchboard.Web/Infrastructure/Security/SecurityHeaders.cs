namespace Matchboard.Web.Infrastructure.Security;

/// <summary>
/// The security headers on every response: pages, API, static files, redirects and errors. They are written just
/// before the response starts, so an exception handler that clears the response cannot drop them.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// No inline script anywhere (pages load /js and /lib files only). Styles allow inline because pages use
    /// style attributes. connect-src 'self' covers the hub's WebSocket to the same host.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The Scalar API reference (Development, or Matchboard:PublishApiReference) starts itself with an inline
    /// module and fetches its fonts; it gets this looser policy, and still cannot be framed.
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline' https:; img-src 'self' data: https:; " +
        "font-src 'self' data: https:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    public static IApplicationBuilder UseMatchboardSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar") ? ApiReferencePolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    });
}
