using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Matchboard.Domain;
using Matchboard.Web.Data.Provider;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Matchboard.Benchmarks;

/// <summary>
/// <c>--app</c> on PostgreSQL with Redis and TWO instances (issue 13): a throwaway PostgreSQL and <c>redis-server</c>,
/// started as the tests start them (<see cref="PostgresServer"/>, <see cref="RedisServer"/>: Debian's binaries, loopback,
/// PostgreSQL as the <c>postgres</c> user with fsync off); the same generated city as the SQLite run (written to a staging
/// SQLite file by <see cref="DataGenerator"/> and the rows' own preparation, then copied row by row through the app's EF
/// model into the PostgreSQL database that the app's own migrations made); two <see cref="AppServer"/>s (Release,
/// Production, <c>Database:Provider=Postgres</c>, Redis for the SignalR backplane and the output cache), not pinned (two
/// instances, PostgreSQL, Redis and the load share the cores). Every figure's load alternates between the instances; the
/// push row's bid goes to A while the officer's hub client is on B. <c>--app --postgres</c> runs only this; a plain
/// <c>--app</c> runs it after the SQLite table (<c>--sqlite</c> leaves it out); without PostgreSQL or Redis installed it
/// prints why it skipped and succeeds.
/// </summary>
public static class AppPostgres
{
    private const double ThroughputTarget = 0.30;

    private const double P99TargetMs = 25;

    /// <summary>Why the mode cannot run here (PostgreSQL's initdb or redis-server missing), or null.</summary>
    public static string? Missing()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':');
        var initdb = (Directory.Exists("/usr/lib/postgresql")
                && Directory.GetDirectories("/usr/lib/postgresql").Any(d => File.Exists(Path.Combine(d, "bin", "initdb"))))
            || path.Any(d => File.Exists(Path.Combine(d, "initdb")));
        var redis = path.Any(d => File.Exists(Path.Combine(d, "redis-server")));
        return (initdb, redis) switch
        {
            (true, true) => null,
            (false, true) => "PostgreSQL (initdb) is not installed",
            (true, false) => "redis-server is not installed",
            _ => "neither PostgreSQL (initdb) nor redis-server is installed",
        };
    }

    public static async Task<int> RunAsync(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var smoke = args.Contains("--smoke");
        if (Missing() is { } missing)
        {
            Console.WriteLine($"PostgreSQL + Redis, two instances: skipped ({missing}; bash tests/run.sh installs both).");
            return 0;
        }

        // After the SQLite run this process is pinned off the server's core, and whatever it starts would inherit that:
        // here nothing is pinned.
        if (OperatingSystem.IsLinux())
        {
            Process.GetCurrentProcess().ProcessorAffinity = (nint)((1L << Environment.ProcessorCount) - 1);
        }

        int Int(string name, int full, int tiny)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : smoke ? tiny : full;
        }

        var options = BenchmarkOptions.Parse(args) with
        {
            Tasks = Int("--tasks", 20_000, 200),
            Groups = Int("--groups", 2_000, 20),
            Associations = Int("--associations", 200, 10),
        };
        options = options with
        {
            DatabaseFile = Path.Combine(Path.GetTempPath(), $"matchboard-app-bench-pg-staging-{options.Tasks}-{options.Groups}-{Environment.ProcessId}.db"),
        };
        var seconds = TimeSpan.FromSeconds(Int("--seconds", 10, 1));
        var warmUp = TimeSpan.FromSeconds(smoke ? 1 : 3);
        var connections = Int("--connections", 64, 64);
        var idleCount = Int("--pg-idle", 2_000, 50);
        var hold = TimeSpan.FromSeconds(Int("--hold-seconds", 30, 3) / (smoke ? 1 : 3));

        Console.WriteLine();
        Console.WriteLine($"Matchboard app benchmark: PostgreSQL + Redis, two instances{(smoke ? " (smoke: tiny data, timings mean nothing)" : "")}");
        Console.WriteLine($"  {options.Tasks:N0} open tasks, {options.Groups:N0} civic groups, {options.Associations:N0} associations; " +
            $"{connections} connections over both instances; {seconds.TotalSeconds:F0} s per saturation run, {seconds.TotalSeconds * 1.5:F0} s per fixed-rate run");

        // 1. The same data as the SQLite run, with what each row prepares, in a staging file.
        var watch = Stopwatch.StartNew();
        await DataGenerator.GenerateAsync(options, DateTimeOffset.UtcNow);
        var writes = await AppWrites.PrepareAsync(options.DatabaseFile, DateTimeOffset.UtcNow);
        var pushes = await AppPushes.PrepareAsync(options.DatabaseFile, args);
        await AppConnections.PrepareAsync(options.DatabaseFile);
        Console.WriteLine($"  data generated in {watch.Elapsed.TotalSeconds:F1} s (staging SQLite file)");

        // 2. PostgreSQL: the app's migrations, then every row copied through the model.
        watch.Restart();
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer.CreateDatabase("matchboard_bench"))
        {
            // Per instance; the server allows 300.
            MaxPoolSize = 100,
            ConnectionIdleLifetime = 300,
        }.ToString();
        var copied = await CopyAsync(options.DatabaseFile, connectionString);
        Console.WriteLine($"  copied to PostgreSQL in {watch.Elapsed.TotalSeconds:F1} s: {copied}");

        using var redis = new RedisServer();
        var work = Directory.CreateTempSubdirectory("matchboard-app-bench-pg-").FullName;
        string[] settings =
        [
            "--Database:Provider=Postgres",
            $"--ConnectionStrings:Matchboard={connectionString}",
            $"--Redis:Configuration={redis.Configuration}",
        ];

        var broken = false;
        var rows = new List<AppBenchmark.Row>();
        try
        {
            // One after the other, as a deployment brings up its first instance before the rest: each instance makes a
            // data-protection key in the shared database when it finds none, and two started at once each made their
            // own and refused the other's cookies and tokens (a full run once failed every request sent to B).
            await using var a = await AppServer.StartAsync(options.DatabaseFile, work, pin: false, settings);
            await using var b = await AppServer.StartAsync(options.DatabaseFile, work, pin: false, settings);
            Uri[] instances = [a.Address, b.Address];
            Console.WriteLine($"  instance A at {a.Address}, B at {b.Address} (logs in {work}); PostgreSQL and Redis on loopback, nothing pinned");
            Console.WriteLine();

            using var load = new LoadGenerator(a.Address, connections);
            string Spread(string path, long i) => new Uri(instances[i % instances.Length], path).ToString();
            var wards = Wards.All.Select(Uri.EscapeDataString).ToArray();
            var subjects = new (string Name, Func<long, string> Path)[]
            {
                ("Static file (/css/site.css)", i => Spread("/css/site.css", i)),
                ("Pipeline only (/health)", i => Spread("/health", i)),
                ("Board API, page 1 by ward (/api/tasks?ward=…)", i => Spread($"/api/tasks?ward={wards[i / 2 % wards.Length]}", i)),
                ("Board page, page 1 by ward (/Tasks?ward=…, anonymous)", i => Spread($"/Tasks?ward={wards[i / 2 % wards.Length]}", i)),
            }
            // The smoke run keeps it cheap: the floor and the board API (the page and the pipeline are the SQLite smoke's).
            .Where(s => !smoke || s.Name.StartsWith("Static", StringComparison.Ordinal) || s.Name.StartsWith("Board API", StringComparison.Ordinal))
            .ToArray();

            var measured = new List<(string Name, LoadResult Max, LoadResult HalfRate)>();
            foreach (var (name, path) in subjects)
            {
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

            var floor = measured[0];
            foreach (var figure in measured.Skip(1))
            {
                var ratio = figure.Max.RequestsPerSecond / floor.Max.RequestsPerSecond;
                var informational = figure.Name.StartsWith("Pipeline", StringComparison.Ordinal);
                rows.Add(new($"{figure.Name}: max throughput", $"{figure.Max.RequestsPerSecond:N0} req/s", floor.Name,
                    $"{floor.Max.RequestsPerSecond:N0} req/s", $"{ratio * 100:F0}%",
                    informational ? "— (where the time goes)" : $"≥ {ThroughputTarget * 100:F0}%",
                    informational ? "—" : ratio >= ThroughputTarget ? "met" : "missed"));
                rows.Add(new($"{figure.Name}: p99 at half its max rate", $"{figure.HalfRate.P99Ms:F2} ms", $"{floor.Name} at half its max rate",
                    $"{floor.HalfRate.P99Ms:F2} ms", $"{figure.HalfRate.P99Ms / floor.HalfRate.P99Ms:F2}×",
                    informational ? "—" : $"≤ {P99TargetMs} ms",
                    informational ? "—" : figure.HalfRate.P99Ms <= P99TargetMs ? "met" : "missed"));
            }

            var (writeRows, writesBroken) = await AppWrites.MeasureAsync(a.Address, writes, load, floor.Name, floor.Max, floor.HalfRate,
                seconds, smoke ? TimeSpan.Zero : warmUp, instances);
            rows.AddRange(writeRows);
            broken |= writesBroken;

            rows.AddRange((await AppPushes.RunAsync(a.Address, options.DatabaseFile, args, b.Address, pushes))
                .Select(c => new AppBenchmark.Row(c[0], c[1], c[2], c[3], c[4], c[5], c[6])));

            // A smaller idle figure than the SQLite run's: the machine holds two instances, PostgreSQL and Redis.
            var idle = await AppConnections.MeasureAsync(b.Address, b.ProcessId, options.DatabaseFile, idleCount, hold);
            broken |= smoke ? idle.Held < idle.Wanted : idle.Connected == 0;
            rows.Add(new("Idle hub connections on instance B (WebSockets, JSON; a smaller count than the SQLite run's)",
                AppConnections.Row(idle), "—", "—", "—", $"{idleCount:N0} held", idle.Held >= idleCount ? "met" : "missed"));
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TimeoutException)
        {
            broken = true;
            Console.Error.WriteLine($"  PostgreSQL mode failed: {ex.Message}");
        }
        finally
        {
            PostgresServer.DropDatabase(connectionString);
            if (!args.Contains("--keep"))
            {
                foreach (var file in new[] { options.DatabaseFile, options.DatabaseFile + "-wal", options.DatabaseFile + "-shm" })
                {
                    File.Delete(file);
                }

                Directory.Delete(work, recursive: true);
            }
        }

        Console.WriteLine();
        Console.WriteLine("PostgreSQL + Redis, two instances (load alternating between A and B):");
        Console.WriteLine();
        Console.WriteLine("| Figure | Value | Floor (same run, same instances) | Floor value | Ratio | Target | Met |");
        Console.WriteLine("|---|---:|---|---:|---:|---|---|");
        foreach (var row in rows)
        {
            Console.WriteLine($"| {row.Figure} | {row.Value} | {row.Floor} | {row.FloorValue} | {row.Ratio} | {row.Target} | {row.Met} |");
        }

        if (broken)
        {
            Console.Error.WriteLine("Some requests failed in the PostgreSQL mode (see above): it measured errors, not the app.");
            return 1;
        }

        return 0;
    }

    /// <summary>
    /// Migrates the PostgreSQL database with the app's own migrations, then copies every row of every table from the
    /// staging SQLite file: read as entities through the SQLite context, written with the PostgreSQL model's columns and
    /// type mappings (instants, arrays, enums as the app stores them), the keys kept, foreign keys checked only at the end
    /// of the copy (replica role for its session), identity sequences moved past the copied keys.
    /// </summary>
    private static async Task<string> CopyAsync(string sqliteFile, string connectionString)
    {
        var targetOptions = new DbContextOptionsBuilder<PostgresMatchboardDbContext>().UseNpgsql(connectionString).Options;
        await using var target = new PostgresMatchboardDbContext(targetOptions);
        await target.Database.MigrateAsync();

        var connection = (NpgsqlConnection)target.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            await replica.ExecuteNonQueryAsync();
        }

        var summary = new List<string>();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var sourceRoot in BenchmarkDatabase.Open(sqliteFile).Model.GetEntityTypes()
                     .Where(t => t.BaseType is null && !t.IsOwned() && !t.HasSharedClrType && t.GetTableName() is not null)
                     .Select(t => t.ClrType).ToList())
        {
            await using var source = BenchmarkDatabase.Open(sqliteFile);
            var query = (IQueryable)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(sourceRoot).Invoke(source, null)!;
            query = (IQueryable)typeof(EntityFrameworkQueryableExtensions).GetMethod(nameof(EntityFrameworkQueryableExtensions.IgnoreQueryFilters), [typeof(IQueryable<>).MakeGenericType(Type.MakeGenericMethodParameter(0))])!
                .MakeGenericMethod(sourceRoot).Invoke(null, [query])!;
            var entities = ((IEnumerable)query).Cast<object>().ToList();
            if (entities.Count == 0)
            {
                continue;
            }

            string? table = null;
            foreach (var group in entities.GroupBy(e => source.Entry(e).Metadata.Name))
            {
                var targetType = target.Model.FindEntityType(group.Key)
                    ?? throw new InvalidOperationException($"{group.Key} is not in the PostgreSQL model.");
                table = targetType.GetTableName()!;
                var store = StoreObjectIdentifier.Table(table, targetType.GetSchema());
                var properties = targetType.GetProperties()
                    .Where(p => p.GetColumnName(store) is not null && p.GetComputedColumnSql() is null)
                    .ToList();
                var columns = string.Join(", ", properties.Select(p => Quote(p.GetColumnName(store)!)));
                var perStatement = Math.Max(1, 20_000 / properties.Count);
                foreach (var chunk in group.Chunk(perStatement))
                {
                    await using var insert = new NpgsqlCommand { Connection = connection, Transaction = transaction };
                    var sql = new StringBuilder($"INSERT INTO {Quote(table)} ({columns}) VALUES ");
                    for (var r = 0; r < chunk.Length; r++)
                    {
                        var entry = source.Entry(chunk[r]);
                        sql.Append(r == 0 ? "(" : ", (");
                        for (var c = 0; c < properties.Count; c++)
                        {
                            var name = $"p{insert.Parameters.Count}";
                            var value = entry.Property(properties[c].Name).CurrentValue;
                            insert.Parameters.Add(properties[c].GetRelationalTypeMapping().CreateParameter(insert, name, value, properties[c].IsNullable));
                            sql.Append(c == 0 ? "@" : ", @").Append(name);
                        }

                        sql.Append(')');
                    }

                    // Rows the migrations themselves seed are already there.
                    insert.CommandText = sql.Append(" ON CONFLICT DO NOTHING").ToString();
                    await insert.ExecuteNonQueryAsync();
                }
            }

            summary.Add($"{table} {entities.Count:N0}");
            var key = target.Model.FindEntityType(sourceRoot)!.FindPrimaryKey();
            if (key is { Properties: [var id] } && id.ValueGenerated == ValueGenerated.OnAdd && id.ClrType is var t && (t == typeof(int) || t == typeof(long)))
            {
                var column = id.GetColumnName(StoreObjectIdentifier.Table(table!, null))!;
                await using var sequence = new NpgsqlCommand(
                    $"SELECT setval(pg_get_serial_sequence('{Quote(table!)}', '{column}'), (SELECT COALESCE(MAX({Quote(column)}), 0) + 1 FROM {Quote(table!)}), false)",
                    connection, transaction);
                await sequence.ExecuteScalarAsync();
            }
        }

        await transaction.CommitAsync();
        await using (var analyze = new NpgsqlCommand("SET session_replication_role = DEFAULT; ANALYZE;", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        return string.Join(", ", summary);
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
