using System.Security.Claims;
using Matchboard.Web.Features.Accounts;

namespace Matchboard.Web.Features.Alerts;

public static class AlertsApi
{
    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder api)
    {
        var alerts = api.MapGroup("/alerts").RequireAuthorization(Policies.Marketplace).WithTags("Alerts");
        alerts.MapGet("/", (AlertService service, ClaimsPrincipal user, CancellationToken ct) => service.ListOpenAsync(user, ct));
        alerts.MapGet("/{id:int}", (int id, AlertService service, ClaimsPrincipal user, CancellationToken ct) => service.GetAsync(id, user, ct));
        alerts.MapPost("/{id:int}/acknowledge", (int id, AcknowledgeRequest request, AlertService service, ClaimsPrincipal user, CancellationToken ct) =>
                service.AcknowledgeAsync(id, request, user, ct))
            .RequireRateLimiting(RateLimits.Writes);
        return api;
    }
}
