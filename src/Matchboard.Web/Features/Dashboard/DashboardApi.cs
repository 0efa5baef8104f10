using Matchboard.Web.Features.Accounts;

namespace Matchboard.Web.Features.Dashboard;

public static class DashboardApi
{
    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/city/dashboard")
            .RequireAuthorization(Policies.CityStaff)
            .WithTags("Dashboard")
            .MapGet("/", (DashboardService service, CancellationToken ct) => service.ComputeAsync(ct))
            .WithSummary("The city's dashboard: tasks by ward and category, time to award, bids per task, share to certified groups, visits, alerts, the monthly trend and coverage gaps.");
        return api;
    }
}
