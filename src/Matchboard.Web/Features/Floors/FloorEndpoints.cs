using System.Net.WebSockets;
using System.Security.Claims;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Data;
using Matchboard.Web.Data.Benchmarking;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Hubs;
using Matchboard.Web.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;

namespace Matchboard.Web.Features.Floors;

/// <summary>
/// The benchmark's floors (issue 13): the cheapest thing the same server can do of each kind, measured in the same run
/// as the figure it bounds. They exist only when the benchmark starts the app with <c>Matchboard:Benchmark:Floors=true</c>;
/// in every other configuration the paths are not mapped at all (404).
/// <list type="bullet">
/// <item><c>/_floors/echo</c>: a raw WebSocket echo (the floor of push latency).</item>
/// <item><c>POST /_floors/broadcast</c>: the request body sent to every hub client as <c>floor</c> with a plain
/// <c>Clients.All</c> (the floor of fan-out: the same clients, no matching, no groups).</item>
/// <item><c>POST /_floors/insert</c>: one row through the same write path a bid takes (member's sign-in, write rate
/// limit, <c>Idempotency-Key</c>, the outbox's transaction with one numbered notification, the audit entry), without
/// the bid's rules.</item>
/// <item><c>GET /_floors/memory</c>: live managed bytes (after a full collection) and the working set, for the
/// idle-connections test.</item>
/// <item><c>GET /_floors/commits?organization=&amp;sequence=</c>: when that notification's transaction committed
/// (<see cref="NotificationCommits"/>), where the push rows start their clock; <c>GET /_floors/clock</c>: the server's
/// <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> now, to check that it is the benchmark's clock too. The broadcast
/// floor answers with the same clock's reading just before its <c>Clients.All</c> (header <see cref="SentAtHeader"/>).</item>
/// </list>
/// </summary>
public static class FloorEndpoints
{
    public const string Setting = "Matchboard:Benchmark:Floors";

    public const string HubMethod = "floor";

    /// <summary>The broadcast floor's answer: <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> just before it sent.</summary>
    public const string SentAtHeader = "Floor-Sent-At";

    /// <summary>The floors' services (only the commit recorder), registered only with the setting.</summary>
    public static IServiceCollection AddMatchboardFloors(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue(Setting, false))
        {
            services.AddSingleton<NotificationCommits>();
        }

        return services;
    }

    public static WebApplication MapMatchboardFloors(this WebApplication app)
    {
        if (!app.Configuration.GetValue(Setting, false))
        {
            return app;
        }

        var floors = app.MapGroup("/_floors").ExcludeFromDescription();

        // WebSockets only here (as SignalR does for its own endpoints): the app's pipeline is left as it is.
        var echo = ((IEndpointRouteBuilder)app).CreateApplicationBuilder();
        echo.UseWebSockets();
        echo.Run(EchoAsync);
        floors.Map("/echo", echo.Build());

        floors.MapPost("/broadcast", async Task<NoContent> (HttpRequest request, IHubContext<MatchboardHub> hub) =>
        {
            using var reader = new StreamReader(request.Body);
            var payload = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            var sentAt = System.Diagnostics.Stopwatch.GetTimestamp();
            await hub.Clients.All.SendAsync(HubMethod, payload, request.HttpContext.RequestAborted);
            request.HttpContext.Response.Headers[SentAtHeader] = sentAt.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.NoContent();
        });

        floors.MapGet("/commits", Results<Ok<FloorCommitDto>, NotFound> (int organization, long sequence, NotificationCommits commits) =>
            commits.CommittedAt(organization, sequence) is { } at ? TypedResults.Ok(new FloorCommitDto(at)) : TypedResults.NotFound());

        floors.MapGet("/clock", () => TypedResults.Ok(new FloorClockDto(System.Diagnostics.Stopwatch.GetTimestamp(), System.Diagnostics.Stopwatch.Frequency)));

        // Not a floor: what the idle-connections test reads before and after holding its connections. A full blocking
        // collection first, so that the managed figure is what is alive, not what is waiting to be collected.
        floors.MapGet("/memory", () =>
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return TypedResults.Ok(new FloorMemoryDto(GC.GetTotalMemory(forceFullCollection: false), Environment.WorkingSet));
        });

        floors.MapPost("/insert", InsertAsync)
            .RequireAuthorization(Policies.Member)
            .RequireRateLimiting(RateLimits.Writes)
            .AcceptsIdempotencyKey();
        return app;
    }

    public sealed record FloorWriteDto(long Id);

    public sealed record FloorMemoryDto(long ManagedBytes, long WorkingSetBytes);

    /// <summary>A <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> reading of the server.</summary>
    public sealed record FloorCommitDto(long CommittedAt);

    public sealed record FloorClockDto(long Timestamp, long Frequency);

    private static async Task<Created<FloorWriteDto>> InsertAsync(
        string? note, MatchboardDbContext db, NotificationOutbox outbox, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var organizationId = user.RequiredOrganizationId();
        var now = clock.GetUtcNow();
        var write = FloorWrite.Of(organizationId, note ?? string.Empty, now);
        db.FloorWrites.Add(write);

        // The type a bid's notification has, so that delivery and mail preferences cost what they cost for a bid.
        outbox.Add(() => new Notification(organizationId, NotificationType.BidPlaced, taskId: null, "floor", now, path: "/"));
        await outbox.CommitAsync(ct);
        return TypedResults.Created($"/_floors/insert/{write.Id}", new FloorWriteDto(write.Id));
    }

    private static async Task EchoAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), context.RequestAborted);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }

                await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, context.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away: nothing to answer.
        }
    }
}
