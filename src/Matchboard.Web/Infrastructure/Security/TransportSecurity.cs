using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;

namespace Matchboard.Web.Infrastructure.Security;

/// <summary>
/// HTTPS, HSTS, forwarded headers from a TLS-terminating proxy, and cookie attributes, switched by
/// <c>Matchboard:RequireHttps</c> (true by default outside Development; the tests over plain http set it false).
/// </summary>
public static class TransportSecurity
{
    public const string RequireHttpsKey = "Matchboard:RequireHttps";
    public const string ForwardedProxiesKey = "Matchboard:ForwardedProxies";

    public static bool RequiresHttps(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue(RequireHttpsKey, !environment.IsDevelopment());

    /// <summary>The options read the app's final configuration (through DI), which includes what tests and hosts add late.</summary>
    public static WebApplicationBuilder AddMatchboardTransportSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Nobody needs to know which server answers.
        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);

        // One place for every cookie the app or the framework writes (sign-in, antiforgery, culture, TempData):
        // script never reads them, they go along with top-level navigations only, and only over https.
        services.AddOptions<CookiePolicyOptions>().Configure<IConfiguration, IHostEnvironment>((options, configuration, environment) =>
        {
            var requireHttps = RequiresHttps(configuration, environment);
            options.HttpOnly = HttpOnlyPolicy.Always;
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
            options.Secure = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        // Behind a proxy the app may listen on http alone, so the https port cannot be discovered: 443 unless configured.
        services.AddHttpsRedirection(_ => { });
        services.AddOptions<HttpsRedirectionOptions>().Configure<IConfiguration>((options, configuration) =>
            options.HttpsPort = configuration.GetValue<int?>("https_port") ?? 443);
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // The framework trusts loopback by default; here only the proxies the deployment names are trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var entry in ForwardedProxies(configuration))
            {
                if (entry.Contains('/', StringComparison.Ordinal))
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                }
                else
                {
                    options.KnownProxies.Add(IPAddress.Parse(entry));
                }
            }
        });

        return builder;
    }

    /// <summary>Comes first in the pipeline, so that every later step sees the client's own address and scheme.</summary>
    public static WebApplication UseMatchboardTransportSecurity(this WebApplication app)
    {
        // With no proxy configured the middleware is left out altogether: given empty lists it would believe anyone.
        if (ForwardedProxies(app.Configuration).Count > 0)
        {
            app.UseForwardedHeaders();
        }

        if (RequiresHttps(app.Configuration, app.Environment))
        {
            app.UseHsts();

            // The load balancer probes each instance over plain http on the private network: a redirect to https
            // would read as "down". Health answers carry no cookie and no personal data.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
        }

        app.UseCookiePolicy();
        return app;
    }

    /// <summary>Addresses (10.0.0.5) and networks (10.0.0.0/8), as a list or one comma-separated value.</summary>
    private static List<string> ForwardedProxies(IConfiguration configuration)
    {
        var section = configuration.GetSection(ForwardedProxiesKey);
        return section.GetChildren().Select(c => c.Value).Prepend(section.Value)
            .SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
    }
}
