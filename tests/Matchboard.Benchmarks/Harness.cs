using System.Diagnostics;
using HdrHistogram;
using Matchboard.Web.Data;

namespace Matchboard.Benchmarks;

/// <summary>One measured figure: latencies in microseconds, and the rows the last call produced.</summary>
public sealed record Measurement(LongHistogram Latency, long Rows)
{
    public double P50Ms => Latency.GetValueAtPercentile(50) / 1000.0;

    public double P99Ms => Latency.GetValueAtPercentile(99) / 1000.0;
}

/// <summary>
/// Times a figure and its floor in the same run: warm-up first (JIT, EF's query cache, SQLite's page cache), then
/// the two interleaved call by call, so that anything else the machine does lands on both alike. Each call gets a
/// fresh DbContext, as a request would, and a subject taken in turn from a fixed list.
/// </summary>
public static class Harness
{
    public static async Task<(Measurement Figure, Measurement Floor)> MeasureAsync<TSubject>(
        string databaseFile,
        IReadOnlyList<TSubject> subjects,
        Func<MatchboardDbContext, TSubject, Task<int>> figure,
        Func<MatchboardDbContext, TSubject, Task<int>> floor,
        int warmUp,
        int iterations)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await TimeAsync(databaseFile, subjects[i % subjects.Count], figure);
            await TimeAsync(databaseFile, subjects[i % subjects.Count], floor);
        }

        var figureLatency = NewHistogram();
        var floorLatency = NewHistogram();
        long figureRows = 0, floorRows = 0;
        for (var i = 0; i < iterations; i++)
        {
            var subject = subjects[i % subjects.Count];
            // Alternate which goes first, so neither always finds the other's pages freshly cached.
            if (i % 2 == 0)
            {
                figureRows += Record(figureLatency, await TimeAsync(databaseFile, subject, figure));
                floorRows += Record(floorLatency, await TimeAsync(databaseFile, subject, floor));
            }
            else
            {
                floorRows += Record(floorLatency, await TimeAsync(databaseFile, subject, floor));
                figureRows += Record(figureLatency, await TimeAsync(databaseFile, subject, figure));
            }
        }

        return (new Measurement(figureLatency, figureRows), new Measurement(floorLatency, floorRows));
    }

    private static LongHistogram NewHistogram() =>
        new(highestTrackableValue: TimeSpan.FromMinutes(1).Ticks / 10, numberOfSignificantValueDigits: 3);

    private static int Record(LongHistogram histogram, (long Microseconds, int Rows) timed)
    {
        histogram.RecordValue(Math.Max(1, timed.Microseconds));
        return timed.Rows;
    }

    private static async Task<(long Microseconds, int Rows)> TimeAsync<TSubject>(
        string databaseFile, TSubject subject, Func<MatchboardDbContext, TSubject, Task<int>> query)
    {
        var start = Stopwatch.GetTimestamp();
        await using var db = BenchmarkDatabase.Open(databaseFile);
        var rows = await query(db, subject);
        var elapsed = Stopwatch.GetElapsedTime(start);
        return ((long)elapsed.TotalMicroseconds, rows);
    }
}
