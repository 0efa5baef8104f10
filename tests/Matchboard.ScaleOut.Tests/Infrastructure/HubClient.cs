using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using Matchboard.Web.Features.Notifications;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.ScaleOut.Tests.Infrastructure;

/// <summary>A real SignalR client over the network to one instance, keeping every <c>notification</c> pushed to it.</summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<NotificationDto> _received = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HubClient(HubConnection connection)
    {
        Connection = connection;
        Connection.On<NotificationDto>(HubNotificationSender.ClientMethod, n => _received.Enqueue(n));
        Connection.Closed += _ =>
        {
            _closed.TrySetResult();
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    /// <summary>Completes when the connection is lost (its instance died) or closed.</summary>
    public Task Closed => _closed.Task;

    public IReadOnlyList<NotificationDto> Received => _received.ToList();

    public static async Task<HubClient> ConnectAsync(AppInstance instance, Session session)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(instance.BaseAddress, "/hubs/matchboard"), options =>
                options.AccessTokenProvider = () => Task.FromResult<string?>(session.Token))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        var client = new HubClient(connection);
        await connection.StartAsync();
        return client;
    }

    /// <summary>Waits until a push satisfies <paramref name="match"/>, or gives up after <paramref name="patience"/>.</summary>
    public async Task<NotificationDto?> WaitForAsync(Func<NotificationDto, bool> match, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (_received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        return _received.FirstOrDefault(match);
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
