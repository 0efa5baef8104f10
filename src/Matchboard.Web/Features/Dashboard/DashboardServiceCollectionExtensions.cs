using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Matchboard.Web.Features.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The dashboard's query layer and CSV writer; the complaint count stays zero until a real one is registered.</summary>
    public static IServiceCollection AddMatchboardDashboard(this IServiceCollection services)
    {
        services.AddScoped<DashboardService>();
        services.AddScoped<DashboardTables>();
        services.TryAddScoped<IComplaintCounts, NoComplaintCounts>();
        return services;
    }
}
