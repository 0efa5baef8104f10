using System.Threading.Channels;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// A page of another site can open a WebSocket (or negotiate) to the hub, and the browser adds the officer's cookie.
/// The hub takes cookie-signed connections only from the site's own origins; bearer connections are unaffected.
/// </summary>
public sealed class HubOriginTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    // How long a refused connection is watched for the push the same-origin connection has already received.
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(HttpTransportType.WebSockets)]
    [InlineData(HttpTransportType.LongPolling)]
    public async Task ACookieConnectionFromAnotherSiteIsRefusedAndReceivesNoPush(HttpTransportType transport)
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var cookie = await CookieSession.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var foreignPushes = Channel.CreateUnbounded<NotificationDto>();
        var ownPushes = Channel.CreateUnbounded<NotificationDto>();
        await using var foreign = CookieConnection(cookie, transport, CookieSession.ForeignOrigin, cookie.CsrfToken, foreignPushes);
        await using var own = CookieConnection(cookie, HttpTransportType.LongPolling, cookie.SiteOrigin, cookie.CsrfToken, ownPushes);

        var refused = await Record.ExceptionAsync(() => foreign.StartAsync());
        await own.StartAsync();
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var bid = await group.BidAsync(task.Id);

        // The push went out (the officer's own page got it) ...
        var pushed = await NextAsync(ownPushes, NotificationType.BidPlaced, task.Id, Patience);
        Assert.Equal(bid.Id, pushed.BidId);
        // ... and the other site's connection never saw it.
        var leaked = await Record.ExceptionAsync(() => NextAsync(foreignPushes, NotificationType.BidPlaced, task.Id, Silence));
        Assert.IsAssignableFrom<OperationCanceledException>(leaked);
        Assert.NotNull(refused);
        Assert.Contains("403", refused.Message);
    }

    [Fact]
    public async Task NegotiatingWithTheCookieNeedsTheTokenToo()
    {
        var cookie = await CookieSession.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        await using var connection = CookieConnection(cookie, HttpTransportType.LongPolling, cookie.SiteOrigin, token: null, Channel.CreateUnbounded<NotificationDto>());

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());

        Assert.Contains("403", refused.Message);
    }

    [Fact]
    public async Task ABearerConnectionIsUnaffectedByItsOrigin()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var pushes = Channel.CreateUnbounded<NotificationDto>();
        await using var connection = Connection(HttpTransportType.WebSockets, $"?access_token={Uri.EscapeDataString(officer.Token)}",
            new Dictionary<string, string> { ["Origin"] = CookieSession.ForeignOrigin }, pushes);

        await connection.StartAsync();
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var bid = await group.BidAsync(task.Id);

        Assert.Equal(bid.Id, (await NextAsync(pushes, NotificationType.BidPlaced, task.Id, Patience)).BidId);
    }

    private HubConnection CookieConnection(CookieSession cookie, HttpTransportType transport, string origin, string? token, Channel<NotificationDto> pushes)
    {
        var headers = new Dictionary<string, string> { ["Cookie"] = cookie.CookieHeader, ["Origin"] = origin };
        if (token is not null)
        {
            headers[CookieSession.TokenHeader] = token;
        }

        return Connection(transport, string.Empty, headers, pushes);
    }

    // WebSockets skip negotiation, as a hostile page may: the upgrade itself must be refused.
    private HubConnection Connection(HttpTransportType transport, string query, Dictionary<string, string> headers, Channel<NotificationDto> pushes)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/matchboard" + query), options =>
            {
                options.Transports = transport;
                options.SkipNegotiation = transport == HttpTransportType.WebSockets;
                foreach (var (name, value) in headers)
                {
                    options.Headers[name] = value;
                }

                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.WebSocketFactory = (context, ct) =>
                {
                    var client = factory.Server.CreateWebSocketClient();
                    client.ConfigureRequest = request =>
                    {
                        foreach (var (name, value) in headers)
                        {
                            request.Headers[name] = value;
                        }
                    };
                    return new ValueTask<System.Net.WebSockets.WebSocket>(client.ConnectAsync(context.Uri, ct));
                };
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();
        connection.On<NotificationDto>("notification", n => pushes.Writer.TryWrite(n));
        return connection;
    }

    private static async Task<NotificationDto> NextAsync(Channel<NotificationDto> pushes, NotificationType type, int taskId, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (true)
        {
            var n = await pushes.Reader.ReadAsync(timeout.Token);
            if (n.Type == type && n.TaskId == taskId)
            {
                return n;
            }
        }
    }
}
