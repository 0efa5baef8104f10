using Microsoft.AspNetCore.Hosting;

namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>
/// The app as it is deployed: environment Production on an empty database, transport security left to its
/// default, one trusted proxy (10.0.0.5). The demo seed is still asked for by the base factory, to show that
/// Production ignores the request.
/// </summary>
public sealed class ProductionFactory : MatchboardFactory
{
    public const string TrustedProxy = "10.0.0.5";

    public const string PublicUrl = "https://matchboard.example.jp";

    protected override bool PlainHttp => false;

    /// <summary>A browser-like client on the public https address (cookies kept, redirects not followed).</summary>
    public PageClient HttpsPages(string language = "ja")
    {
        var http = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri(PublicUrl),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return new PageClient(http);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Matchboard:PublicUrl", PublicUrl);
        builder.UseSetting("Matchboard:ForwardedProxies:0", TrustedProxy);
    }
}
