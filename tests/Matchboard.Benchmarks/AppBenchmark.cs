using System.Diagnostics;
using System.Globalization;
using Matchboard.Domain;

namespace Matchboard.Benchmarks;

/// <summary>
/// <c>--app</c> (issue 13): the app as a real server (<see cref="AppServer"/>, Release, Production, SQLite) on a generated
/// city of 20,000 open tasks and 2,000 groups, measured over HTTP against floors measured in the same run on the same
/// server. Each figure's maximum throughput (64 connections, closed loop) is compared with the static file's, and its
/// p99 is taken at half its own maximum rate with load sent at a fixed rate (open loop, latency from the scheduled time).
/// <c>--smoke</c>: tiny data and one-second runs, to keep it working (timings mean nothing).
/// Options: <c>--tasks N --groups N --associations N --seconds N --connections N --idle N --hold-seconds N --no-pin --keep</c>;
/// <c>--writes-only</c>: only the static-file floor and <see cref="AppWrites"/> (the officer's page, bids), to iterate on them.
/// Then the PostgreSQL + Redis table with two instances (<see cref="AppPostgres"/>; <c>--sqlite</c> leaves it out,
/// <c>--postgres</c> runs only it, <c>--pg-idle N</c> its idle connections).
/// <c>--only officer</c> measures just the static file and the officer's page (quick, while working on that page).
/// </summary>
public static class AppBenchmark
{
    private const double ThroughputTarget = 0.30;

    private const double P99TargetMs = 25;

    public static async Task<int> RunAsync(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (args.Contains("--postgres"))
        {
            return await AppPostgres.RunAsync(args); // only the PostgreSQL + Redis, two-instance table (AppPostgres.cs)
        }

        var smoke = args.Contains("--smoke");
        var options = BenchmarkOptions.Parse(args);
        int Int(string name, int full, int tiny)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : smoke ? tiny : full;
        }

        var tasks = Int("--tasks", 20_000, 200);
        var groups = Int("--groups", 2_000, 20);
        var associations = Int("--associations", 200, 10);
        options = options with
        {
            Tasks = tasks,
            Groups = groups,
            Associations = associations,
            DatabaseFile = args.Contains("--db")
                ? options.DatabaseFile
                : Path.Combine(Path.GetTempPath(), $"matchboard-app-bench-{tasks}-{groups}-{Environment.ProcessId}.db"),
        };
        var seconds = TimeSpan.FromSeconds(Int("--seconds", 10, 1));
        var warmUp = TimeSpan.FromSeconds(smoke ? 1 : 3);
        var connections = Int("--connections", 64, 64);

        Console.WriteLine($"Matchboard app benchmark{(smoke ? " (smoke: tiny data, timings mean nothing)" : "")}");
        Console.WriteLine($"  {options.Tasks:N0} open tasks, {options.Groups:N0} civic groups, {options.Associations:N0} associations; " +
            $"{connections} connections; {seconds.TotalSeconds:F0} s per saturation run, {seconds.TotalSeconds * 1.5:F0} s per fixed-rate run");
        Console.WriteLine($"  {Environment.ProcessorCount} cores, .NET {Environment.Version}, {Environment.OSVersion}");

        var generated = await DataGenerator.GenerateAsync(options, DateTimeOffset.UtcNow);
        Console.WriteLine($"  data generated in {generated.TotalSeconds:F1} s: {options.DatabaseFile}");
        var writes = await AppWrites.PrepareAsync(options.DatabaseFile, DateTimeOffset.UtcNow);

        var work = Directory.CreateTempSubdirectory("matchboard-app-bench-").FullName;
        var pin = !args.Contains("--no-pin");
        var officerOnly = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault() == "officer";
        // --only-pushes: the push rows alone (AppPushes), for working on them without the rest of the run.
        var onlyPushes = args.Contains("--only-pushes");
        var broken = false;
        var rows = new List<Row>();
        await using (var server = await AppServer.StartAsync(options.DatabaseFile, work, pin))
        {
            if (server.PinnedTo is { } core && OperatingSystem.IsLinux())
            {
                // The load on the other core(s): the server's core is left to the server.
                var mask = ((1L << Environment.ProcessorCount) - 1) & ~(1L << int.Parse(core, CultureInfo.InvariantCulture));
                Process.GetCurrentProcess().ProcessorAffinity = (nint)mask;
                Console.WriteLine($"  server pid {server.ProcessId} pinned to core {core} (taskset); load pinned to the others");
            }
            else
            {
                Console.WriteLine(pin
                    ? "  not pinned (needs 2+ cores and /usr/bin/taskset): server and load share the cores"
                    : "  not pinned (--no-pin)");
            }

            Console.WriteLine($"  server at {server.Address} (log: {server.LogFile})");
            Console.WriteLine();

            using var load = new LoadGenerator(server.Address, connections);
            var wards = Wards.All.Select(Uri.EscapeDataString).ToArray();
            var writesOnly = args.Contains("--writes-only");
            var subjects = new (string Name, Func<long, string> Path)[]
            {
                ("Static file (/css/site.css)", _ => "/css/site.css"),
                ("Pipeline only (/health)", _ => "/health"),
                ("Board API, page 1 by ward (/api/tasks?ward=…)", i => $"/api/tasks?ward={wards[i % wards.Length]}"),
                ("Board page, page 1 by ward (/Tasks?ward=…, anonymous)", i => $"/Tasks?ward={wards[i % wards.Length]}"),
            };
            if (writesOnly)
            {
                // The static file stays: it is the officer's page's floor.
                subjects = subjects[..1];
            }

            var measured = new List<(string Name, LoadResult Max, LoadResult HalfRate)>();
            foreach (var (name, path) in onlyPushes ? [] : officerOnly ? subjects[..1] : subjects)
            {
                // Warm-up: JIT, EF's query cache, SQLite's pages, the connection pool.
                await load.SaturateAsync(path, warmUp);
                var max = await load.SaturateAsync(path, seconds);
                var half = await load.FixedRateAsync(path, Math.Max(1, max.RequestsPerSecond / 2), seconds * 1.5);
                measured.Add((name, max, half));
                Console.WriteLine($"  {name}: max {max.RequestsPerSecond:N0} req/s ({max.Errors} errors), " +
                    $"at {max.RequestsPerSecond / 2:N0} req/s p50 {half.P50Ms:F2} ms p99 {half.P99Ms:F2} ms ({half.Errors} errors)");
                foreach (var failed in new[] { max, half }.Where(r => r.Errors > 0 || r.Completed == 0))
                {
                    broken = true;
                    Console.Error.WriteLine($"    {failed.Errors} errors, {failed.Completed} answered; first: {failed.FirstError}");
                }
            }

            if (onlyPushes)
            {
                rows.AddRange((await AppPushes.RunAsync(server.Address, options.DatabaseFile, args)).Select(c => new Row(c[0], c[1], c[2], c[3], c[4], c[5], c[6])));
                goto done;
            }

            var floor = measured[0];
            var loadCores = server.PinnedTo is { } serverCore
                ? string.Join(',', Enumerable.Range(0, Environment.ProcessorCount).Where(c => c.ToString(CultureInfo.InvariantCulture) != serverCore))
                : null;
            if (!writesOnly && await WrkCrossCheck.RequestsPerSecondAsync(server.Address, "/css/site.css", connections, seconds, loadCores) is { } wrk)
            {
                Console.WriteLine($"  cross-check: wrk -t1 -c{connections} gets {wrk:N0} req/s from the static file " +
                    $"({wrk / floor.Max.RequestsPerSecond:F2}× this generator's floor)");
            }

            foreach (var figure in measured.Skip(1))
            {
                var ratio = figure.Max.RequestsPerSecond / floor.Max.RequestsPerSecond;
                var informational = figure.Name.StartsWith("Pipeline", StringComparison.Ordinal);
                rows.Add(new Row($"{figure.Name}: max throughput", $"{figure.Max.RequestsPerSecond:N0} req/s", floor.Name,
                    $"{floor.Max.RequestsPerSecond:N0} req/s", $"{ratio * 100:F0}%",
                    informational ? "— (where the time goes)" : $"≥ {ThroughputTarget * 100:F0}%",
                    informational ? "—" : ratio >= ThroughputTarget ? "met" : "missed"));
                rows.Add(new Row($"{figure.Name}: p99 at half its max rate", $"{figure.HalfRate.P99Ms:F2} ms", $"{floor.Name} at half its max rate",
                    $"{floor.HalfRate.P99Ms:F2} ms", $"{figure.HalfRate.P99Ms / floor.HalfRate.P99Ms:F2}×",
                    informational ? "—" : $"≤ {P99TargetMs} ms",
                    informational ? "—" : figure.HalfRate.P99Ms <= P99TargetMs ? "met" : "missed"));
            }

            var (writeRows, writesBroken) = await AppWrites.MeasureAsync(server.Address, writes, load, floor.Name, floor.Max, floor.HalfRate, seconds, smoke ? TimeSpan.Zero : warmUp, pageOnly: officerOnly);
            rows.AddRange(writeRows);
            broken |= writesBroken;
            // --only officer and --writes-only stop here: the pushes and the idle connections take minutes.
            if (!officerOnly && !writesOnly)
            {
                rows.AddRange((await AppPushes.RunAsync(server.Address, options.DatabaseFile, args)).Select(c => new Row(c[0], c[1], c[2], c[3], c[4], c[5], c[6])));

                // Idle hub connections held, from several client processes and source addresses (AppConnections.cs).
                var idle = await AppConnections.MeasureAsync(server.Address, server.ProcessId, options.DatabaseFile,
                    Int("--idle", 16_000, 200), TimeSpan.FromSeconds(Int("--hold-seconds", 30, 3)));
                broken |= smoke ? idle.Held < idle.Wanted : idle.Connected == 0;
                rows.Add(new Row("Idle hub connections on one instance (WebSockets, JSON)", AppConnections.Row(idle), "—", "—", "—",
                    "≥ 15,000 held", idle.Held >= 15_000 ? "met" : "missed"));
            }

        done:;
        }

        Console.WriteLine();
        Console.WriteLine("| Figure | Value | Floor (same run, same server) | Floor value | Ratio | Target | Met |");
        Console.WriteLine("|---|---:|---|---:|---:|---|---|");
        foreach (var row in rows)
        {
            Console.WriteLine($"| {row.Figure} | {row.Value} | {row.Floor} | {row.FloorValue} | {row.Ratio} | {row.Target} | {row.Met} |");
        }

        Console.WriteLine();
        Console.WriteLine("Max throughput: 64 connections, each sending its next request when answered. p99: requests sent at a fixed rate " +
            "(half the figure's own max), latency from the time each was due, so queueing counts.");
        if (!args.Contains("--keep"))
        {
            foreach (var file in new[] { options.DatabaseFile, options.DatabaseFile + "-wal", options.DatabaseFile + "-shm" })
            {
                File.Delete(file);
            }

            Directory.Delete(work, recursive: true);
        }

        if (broken)
        {
            Console.Error.WriteLine("Some requests failed (see above): the benchmark measured errors, not the app.");
        }

        // Then the same on PostgreSQL + Redis with two instances, unless --sqlite (skipped, with a line, where not installed).
        var postgres = args.Contains("--sqlite") || args.Contains("--writes-only") || officerOnly || onlyPushes ? 0 : await AppPostgres.RunAsync(args);
        return broken ? 1 : postgres;
    }

    internal sealed record Row(string Figure, string Value, string Floor, string FloorValue, string Ratio, string Target, string Met);
}
