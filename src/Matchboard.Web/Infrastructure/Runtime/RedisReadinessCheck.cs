using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Matchboard.Web.Infrastructure.Runtime;

/// <summary>Ready only while the backplane's own Redis connection is up and answers a PING.</summary>
public sealed class RedisReadinessCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var multiplexer = await redis.GetAsync().WaitAsync(cancellationToken);
            if (!multiplexer.IsConnected)
            {
                return HealthCheckResult.Unhealthy("Redis is not connected: live pushes to other instances are paused.");
            }

            var latency = await multiplexer.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:0} ms");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer.", ex);
        }
    }
}
