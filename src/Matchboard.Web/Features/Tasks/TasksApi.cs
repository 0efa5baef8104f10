using System.Security.Claims;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Caching;
using Matchboard.Web.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matchboard.Web.Features.Tasks;

public static class TasksApi
{
    public static RouteGroupBuilder MapTasksApi(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("Tasks");

        tasks.MapGet("/", (TaskService service, ClaimsPrincipal user, [AsParameters] TaskQuery query, CancellationToken ct) =>
            service.ListAsync(query, user, ct))
            .CacheOutput(BoardCache.Policy);

        tasks.MapGet("/{id:int}", (int id, TaskService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.GetAsync(id, user, ct));

        tasks.MapGet("/{id:int}/history", (int id, TaskService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.HistoryAsync(id, user, ct));

        var officer = tasks.MapGroup("/").RequireAuthorization(Policies.Officer).RequireRateLimiting(RateLimits.Writes);
        officer.MapPost("/", async Task<Created<TaskDetailDto>> (
            CreateTaskRequest request, TaskService service, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var task = await service.CreateAsync(request, user, ct);
            return TypedResults.Created($"/api/tasks/{task.Id}", task);
        }).AcceptsIdempotencyKey();

        officer.MapPut("/{id:int}", (int id, TaskRequest request, TaskService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.EditAsync(id, request, user, ct));

        officer.MapPost("/{id:int}/publish", (int id, TaskService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.PublishAsync(id, user, ct));

        officer.MapPost("/{id:int}/invitations", async Task<Created<TaskInvitationDto>> (
            int id, InviteGroupRequest request, TaskInvitationService service, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var invitation = await service.InviteAsync(id, request, user, ct);
            return TypedResults.Created($"/api/tasks/{id}", invitation);
        }).AcceptsIdempotencyKey();

        officer.MapPost("/{id:int}/cancel", (int id, TaskService service, ClaimsPrincipal user, CancellationToken ct) =>
            service.CancelAsync(id, user, ct));

        return api;
    }
}
