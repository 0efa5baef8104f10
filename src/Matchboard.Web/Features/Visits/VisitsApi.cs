using System.Security.Claims;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Idempotency;

namespace Matchboard.Web.Features.Visits;

public static class VisitsApi
{
    public static RouteGroupBuilder MapVisitsApi(this RouteGroupBuilder api)
    {
        var work = api.MapGroup("/contracts/{id:int}").RequireAuthorization(Policies.Marketplace).WithTags("Visits");
        work.MapGet("/visits", (int id, VisitService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.GetScheduleAsync(id, user, ct));

        var writes = work.MapGroup(string.Empty).RequireRateLimiting(RateLimits.Writes);
        writes.MapPost("/visits", (int id, FileReportRequest request, VisitService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.FileReportAsync(id, request, user, ct)).AcceptsIdempotencyKey();
        writes.MapPost("/visits/{visitId:int}/move", (int id, int visitId, VisitDateRequest request, VisitService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.MoveAsync(id, visitId, request, user, ct));
        writes.MapPost("/visits/{visitId:int}/propose", (int id, int visitId, VisitDateRequest request, VisitService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.ProposeAsync(id, visitId, request, user, ct));
        writes.MapPost("/visits/{visitId:int}/accept-proposal", (int id, int visitId, VisitService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.AcceptProposalAsync(id, visitId, user, ct));
        writes.MapPost("/households", (int id, RegisterHouseholdRequest request, VisitService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.RegisterHouseholdAsync(id, request, user, ct)).AcceptsIdempotencyKey();
        writes.MapPost("/households/{householdId:int}/consent", (int id, int householdId, ConsentRequest request, VisitService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.RecordConsentAsync(id, householdId, request, user, ct));
        writes.MapPost("/households/{householdId:int}/visitor", (int id, int householdId, AssignVisitorRequest request, VisitService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.AssignVisitorAsync(id, householdId, request, user, ct));
        return api;
    }
}
