namespace Matchboard.Web.Infrastructure.CrossSite;

public static class CrossSiteExtensions
{
    /// <summary>The configured site origins, and the header the pages' script sends its antiforgery token in.</summary>
    public static IServiceCollection AddMatchboardCrossSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(SiteOrigins.From(configuration));
        services.AddAntiforgery(options => options.HeaderName = CrossSiteRequestGuard.TokenHeader);
        return services;
    }

    /// <summary>After authentication (it asks which scheme signed the request in), before any endpoint runs.</summary>
    public static IApplicationBuilder UseMatchboardCrossSite(this IApplicationBuilder app) =>
        app.UseMiddleware<CrossSiteRequestGuard>();
}
