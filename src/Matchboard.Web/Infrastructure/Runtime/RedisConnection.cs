using StackExchange.Redis;

namespace Matchboard.Web.Infrastructure.Runtime;

/// <summary>
/// The one connection to Redis (when <c>Redis:Configuration</c> is set), shared by the SignalR backplane and the
/// readiness check, so that /health/ready reports the state of the connection pushes actually travel on.
/// It is made with <c>AbortOnConnectFail=false</c>: an instance starts and serves HTTP while Redis is down, and the
/// multiplexer keeps reconnecting (and re-subscribing the backplane's channels) until Redis is back.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    public const string ConfigurationSetting = "Redis:Configuration";

    /// <summary>Every backplane channel starts with this, so that other applications on the same Redis do not mix in.</summary>
    public const string ChannelPrefix = "matchboard";

    private readonly Lazy<Task<IConnectionMultiplexer>> _multiplexer;

    public RedisConnection(string configuration, ILogger<RedisConnection> logger)
    {
        // A malformed string fails here, at start-up, not at the first push.
        Options = ConfigurationOptions.Parse(configuration);
        Options.AbortOnConnectFail = false;

        // While Redis is away a push fails at once instead of waiting in a backlog for the 5 s timeout: the request
        // that caused it stays fast, the notification row is already committed, and clients fetch it with ?after=.
        Options.BacklogPolicy = BacklogPolicy.FailFast;
        Options.ChannelPrefix = RedisChannel.Literal(ChannelPrefix);
        _multiplexer = new(async () =>
        {
            var multiplexer = await ConnectionMultiplexer.ConnectAsync(Options);
            multiplexer.ConnectionFailed += (_, e) => logger.LogWarning(e.Exception, "Redis connection lost ({FailureType}); live pushes pause until it returns", e.FailureType);
            multiplexer.ConnectionRestored += (_, _) => logger.LogInformation("Redis connection restored; live pushes resume");
            if (!multiplexer.IsConnected)
            {
                logger.LogWarning("Redis is not reachable yet; the app serves HTTP and keeps trying");
            }

            return multiplexer;
        });
    }

    public ConfigurationOptions Options { get; }

    public Task<IConnectionMultiplexer> GetAsync() => _multiplexer.Value;

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated)
        {
            await (await _multiplexer.Value).DisposeAsync();
        }
    }
}
