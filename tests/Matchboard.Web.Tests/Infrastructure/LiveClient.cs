using System.Threading.Channels;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Features.Notifications;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>
/// A real SignalR client on the test server. It keeps two records:
/// <list type="bullet">
/// <item>every raw <c>notification</c> push, for <see cref="WaitForAsync"/> and <see cref="Drain"/>;</item>
/// <item><see cref="Delivered"/>: what a client following the delivery design (as live.js does) has taken in, each
/// notification once: pushes at once in any order, a hole under a push fetched with <c>?after=</c>, catch-up on
/// connect and <see cref="RestartAsync"/> paged until <c>hasMore</c> is false.</item>
/// </list>
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Channel<NotificationDto> _received = Channel.CreateUnbounded<NotificationDto>();
    private readonly ApiClient _user;
    private readonly int _pageSize;
    private readonly object _gate = new();
    private readonly SortedSet<long> _above = [];
    private readonly List<NotificationDto> _delivered = [];
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private long _mark;
    private TaskCompletionSource _moved = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LiveClient(HubConnection connection, ApiClient user, int pageSize)
    {
        Connection = connection;
        _user = user;
        _pageSize = pageSize;
        Connection.On<NotificationDto>("notification", OnPushAsync);
    }

    public HubConnection Connection { get; }

    /// <summary>The contiguous mark: every notification numbered up to it has been delivered.</summary>
    public long Mark
    {
        get
        {
            lock (_gate)
            {
                return _mark;
            }
        }
    }

    /// <summary>Delivered notifications in the order this client took them in.</summary>
    public IReadOnlyList<NotificationDto> Delivered
    {
        get
        {
            lock (_gate)
            {
                return _delivered.ToList();
            }
        }
    }

    /// <summary>How many <c>GET /api/notifications</c> pages this client has fetched.</summary>
    public int PagesFetched { get; private set; }

    /// <summary>Connects and catches up from the organization's first notification (<paramref name="pageSize"/> per page).</summary>
    public static async Task<LiveClient> ConnectAsync(MatchboardFactory factory, ApiClient user, int pageSize = 200)
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
        var client = new LiveClient(connection, user, pageSize);
        await connection.StartAsync();
        await client.CatchUpAsync();
        return client;
    }

    /// <summary>Back online after <c>Connection.StopAsync()</c>: reconnects, then asks for everything it has not seen.</summary>
    public async Task RestartAsync()
    {
        await Connection.StartAsync();
        await CatchUpAsync();
    }

    /// <summary>Fetches everything after the mark, page after page, until the server says there is no more.</summary>
    public async Task CatchUpAsync()
    {
        await _fetching.WaitAsync();
        try
        {
            NotificationPageDto page;
            do
            {
                page = await _user.NotificationsAsync(Mark, _pageSize);
                PagesFetched++;
                page.Items.ToList().ForEach(n => Accept(n));
            }
            while (page.HasMore && page.Items.Count > 0);
        }
        finally
        {
            _fetching.Release();
        }
    }

    /// <summary>Waits until everything up to <paramref name="sequence"/> has been delivered.</summary>
    public async Task WaitForMarkAsync(long sequence)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            Task moved;
            lock (_gate)
            {
                if (_mark >= sequence)
                {
                    return;
                }

                moved = _moved.Task;
            }

            await moved.WaitAsync(timeout.Token);
        }
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

    private async Task OnPushAsync(NotificationDto notification)
    {
        _received.Writer.TryWrite(notification);
        if (Accept(notification) && HasHole())
        {
            await CatchUpAsync();
        }
    }

    /// <summary>Takes a notification in unless already delivered, and moves the mark over what is now contiguous.</summary>
    private bool Accept(NotificationDto notification)
    {
        lock (_gate)
        {
            if (notification.Sequence <= _mark || !_above.Add(notification.Sequence))
            {
                return false;
            }

            while (_above.Remove(_mark + 1))
            {
                _mark++;
            }

            _delivered.Add(notification);
            _moved.TrySetResult();
            _moved = new(TaskCreationOptions.RunContinuationsAsynchronously);
            return true;
        }
    }

    private bool HasHole()
    {
        lock (_gate)
        {
            return _above.Count > 0;
        }
    }
}
