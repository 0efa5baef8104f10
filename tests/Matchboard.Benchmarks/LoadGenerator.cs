using System.Diagnostics;
using HdrHistogram;

namespace Matchboard.Benchmarks;

/// <summary>What one load run saw: completed requests, errors, and latency in microseconds.</summary>
public sealed record LoadResult(long Completed, long Errors, TimeSpan Duration, LongHistogram Latency, string? FirstError)
{
    public double RequestsPerSecond => Completed / Duration.TotalSeconds;

    public double P50Ms => Latency.TotalCount == 0 ? double.NaN : Latency.GetValueAtPercentile(50) / 1000.0;

    public double P99Ms => Latency.TotalCount == 0 ? double.NaN : Latency.GetValueAtPercentile(99) / 1000.0;
}

/// <summary>
/// HTTP load from this process over a fixed pool of connections (SocketsHttpHandler, as wrk's <c>-c64</c>).
/// <see cref="SaturateAsync"/> finds the maximum throughput (closed loop: each connection sends its next request when the
/// last one is answered). <see cref="FixedRateAsync"/> sends at a fixed rate whatever the server does (open loop) and
/// measures each latency from the time the request was SCHEDULED, not sent: a request that waits for a free connection
/// because the server fell behind counts its wait (the coordinated-omission correction of wrk2), so queueing shows in p99.
/// </summary>
public sealed class LoadGenerator(Uri baseAddress, int connections) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public int Connections { get; } = connections;

    public static LongHistogram NewHistogram() =>
        new(highestTrackableValue: TimeSpan.FromMinutes(1).Ticks / 10, numberOfSignificantValueDigits: 3);

    /// <summary>Closed loop: <see cref="Connections"/> callers, each one request at a time, for <paramref name="duration"/>.</summary>
    public Task<LoadResult> SaturateAsync(Func<long, string> path, TimeSpan duration) =>
        SaturateAsync(i => Get(path(i)), duration);

    /// <summary>As above, with each request made whole by the caller (method, body, cookie or bearer token).</summary>
    public async Task<LoadResult> SaturateAsync(Func<long, HttpRequestMessage> request, TimeSpan duration)
    {
        var latency = NewHistogram();
        long completed = 0, errors = 0, counter = 0;
        string? firstError = null;
        var watch = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, Connections).Select(_ => Task.Run(async () =>
        {
            var mine = NewHistogram();
            while (watch.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                var error = await SendAsync(request(Interlocked.Increment(ref counter)));
                if (error is null)
                {
                    mine.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(start).TotalMicroseconds));
                    Interlocked.Increment(ref completed);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
            }

            lock (latency)
            {
                latency.Add(mine);
            }
        })).ToList();
        await Task.WhenAll(callers);
        return new LoadResult(completed, errors, watch.Elapsed, latency, firstError);
    }

    /// <summary>Open loop: request i is due at start + i / rate; its latency runs from then to its answer.</summary>
    public Task<LoadResult> FixedRateAsync(Func<long, string> path, double ratePerSecond, TimeSpan duration) =>
        FixedRateAsync(i => Get(path(i)), ratePerSecond, duration);

    /// <summary>As above, with each request made whole by the caller.</summary>
    public async Task<LoadResult> FixedRateAsync(Func<long, HttpRequestMessage> request, double ratePerSecond, TimeSpan duration)
    {
        var latency = NewHistogram();
        long completed = 0, errors = 0;
        string? firstError = null;
        var total = (long)(ratePerSecond * duration.TotalSeconds);
        var interval = Stopwatch.Frequency / ratePerSecond;
        var inFlight = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        long sent = 0;
        while (sent < total)
        {
            // Everything due by now goes out now, each timed from its own due time (timers tick about every ms).
            var now = Stopwatch.GetTimestamp();
            var due = Math.Min(total, (long)((now - start) / interval) + 1);
            for (; sent < due; sent++)
            {
                var scheduled = start + (long)(sent * interval);
                var message = request(sent);
                inFlight.Add(Task.Run(async () =>
                {
                    var error = await SendAsync(message);
                    var elapsed = Stopwatch.GetElapsedTime(scheduled);
                    lock (latency)
                    {
                        if (error is null)
                        {
                            latency.RecordValue(Math.Max(1, (long)elapsed.TotalMicroseconds));
                            completed++;
                        }
                        else
                        {
                            errors++;
                            firstError ??= error;
                        }
                    }
                }));
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(inFlight);
        return new LoadResult(completed, errors, Stopwatch.GetElapsedTime(start), latency, firstError);
    }

    /// <summary>One GET, read to the end; null when it succeeded (2xx), else what went wrong.</summary>
    public Task<string?> SendAsync(string path) => SendAsync(Get(path));

    /// <summary>One request, its answer read to the end; null when it succeeded (2xx), else what went wrong.</summary>
    public async Task<string?> SendAsync(HttpRequestMessage request)
    {
        var what = $"{request.Method} {request.RequestUri}";
        try
        {
            using (request)
            using (var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead))
            {
                return response.IsSuccessStatusCode ? null : $"{(int)response.StatusCode} on {what}";
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return $"{ex.GetType().Name} on {what}: {ex.Message}";
        }
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    public void Dispose() => _http.Dispose();
}
