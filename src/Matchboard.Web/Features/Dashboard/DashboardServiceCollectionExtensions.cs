namespace Matchboard.Web.Features.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The dashboard's query layer and CSV writer (the complaint count comes from the complaints feature).</summary>
    public static IServiceCollection AddMatchboardDashboard(this IServiceCollection services)
    {
        services.AddScoped<DashboardService>();
        services.AddScoped<DashboardTables>();
        return services;
    }
}
