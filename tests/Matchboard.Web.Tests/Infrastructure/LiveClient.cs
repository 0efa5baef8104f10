using System.Threading.Channels;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Features.Notifications;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>A real SignalR client on the test server, collecting every <c>notification</c> push it receives.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Channel<NotificationDto> _received = Channel.CreateUnbounded<NotificationDto>();

    private LiveClient(HubConnection connection)
    {
        Connection = connection;
        Connection.On<NotificationDto>("notification", n => _received.Writer.TryWrite(n));
    }

    public HubConnection Connection { get; }

    public static async Task<LiveClient> ConnectAsync(MatchboardFactory factory, ApiClient user)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/matchboard"), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.AccessTokenProvider = () => Task.FromResult<string?>(user.Token);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();
        var client = new LiveClient(connection);
        await connection.StartAsync();
        return client;
    }

    /// <summary>Waits for the next push of this type about this task, skipping others.</summary>
    public async Task<NotificationDto> WaitForAsync(NotificationType type, int taskId)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var notification = await _received.Reader.ReadAsync(timeout.Token);
            if (notification.Type == type && notification.TaskId == taskId)
            {
                return notification;
            }
        }
    }

    /// <summary>Everything pushed so far and not yet waited for.</summary>
    public List<NotificationDto> Drain()
    {
        var list = new List<NotificationDto>();
        while (_received.Reader.TryRead(out var n))
        {
            list.Add(n);
        }

        return list;
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
