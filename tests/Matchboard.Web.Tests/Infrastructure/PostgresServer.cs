using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL per test process, from Debian's binaries (<c>/usr/lib/postgresql/*/bin</c>, else the
/// PATH): initdb into a temp folder, listening on 127.0.0.1 on a free port with trust authentication and no fsync,
/// stopped and removed when the process exits. As root it runs as the <c>postgres</c> user (initdb refuses root).
/// Each factory takes a fresh database on it (<see cref="CreateDatabase"/>) and drops it when disposed.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Instance> Shared = new(Instance.Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string CreateDatabase(string prefix = "matchboard")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        Shared.Value.Execute($"CREATE DATABASE \"{name}\"");
        return Shared.Value.ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing whatever connections remain.</summary>
    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        Shared.Value.Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private sealed class Instance
    {
        private readonly string _bin;
        private readonly string _folder;
        private readonly int _port;

        private Instance(string bin, string folder, int port)
        {
            _bin = bin;
            _folder = folder;
            _port = port;
        }

        private static bool AsRoot => Environment.UserName == "root";

        public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = _port,
            Username = "postgres",
            Database = database,
            // Each factory has its own database, so its own pool; keep them small and let idle ones go.
            MaxPoolSize = 20,
            ConnectionIdleLifetime = 10,
        }.ToString();

        public void Execute(string sql)
        {
            using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }

        public static Instance Start()
        {
            var bin = Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql")
                    .Select(d => Path.Combine(d, "bin"))
                    .Where(d => File.Exists(Path.Combine(d, "initdb")))
                    .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                    .FirstOrDefault()
                : null;
            bin ??= Environment.GetEnvironmentVariable("PATH")!.Split(':')
                .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
                ?? throw new InvalidOperationException(
                    "PostgreSQL's initdb was not found (install Debian's postgresql package: bash tests/run.sh does).");

            var folder = Path.Combine(Path.GetTempPath(), $"matchboard-pg-{Guid.NewGuid():N}");
            Directory.CreateDirectory(folder);
            if (AsRoot)
            {
                Run("chown", ["postgres:postgres", folder]);
            }

            var data = Path.Combine(folder, "data");
            RunAsPostgres(Path.Combine(bin, "initdb"),
                ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);

            // A free port: the kernel picks one, we release it and hand it to the server (retried if taken meanwhile).
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                var options = string.Join(' ',
                    $"-p {port}", "-h 127.0.0.1", $"-k {folder}", "-c fsync=off", "-c synchronous_commit=off",
                    "-c full_page_writes=off", "-c max_connections=300");
                try
                {
                    RunAsPostgres(Path.Combine(bin, "pg_ctl"),
                        ["-D", data, "-l", Path.Combine(folder, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                    continue;
                }

                var instance = new Instance(bin, folder, port);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => instance.Stop();
                instance.WatchTestProcess();
                return instance;
            }
        }

        /// <summary>
        /// A detached watchdog that stops the server and removes its folder once this process is gone, however it
        /// ended: the test host may be ended before ProcessExit has finished, or killed outright.
        /// </summary>
        private void WatchTestProcess()
        {
            var stop = $"{(AsRoot ? "runuser -u postgres -- " : "")}'{Path.Combine(_bin, "pg_ctl")}' -D '{Path.Combine(_folder, "data")}' -m immediate -w stop";
            var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1; rm -rf '{_folder}'";
            var start = new ProcessStartInfo("setsid")
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { "sh", "-c", script })
            {
                start.ArgumentList.Add(argument);
            }

            using var watchdog = Process.Start(start)!;
        }

        private void Stop()
        {
            try
            {
                RunAsPostgres(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]);
            }
            catch (InvalidOperationException)
            {
                // Already stopped: nothing to do but remove its files.
            }

        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static void RunAsPostgres(string program, IReadOnlyList<string> arguments)
        {
            if (AsRoot)
            {
                Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
            }
            else
            {
                Run(program, arguments);
            }
        }

        private static void Run(string program, IReadOnlyList<string> arguments)
        {
            var start = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetTempPath(),
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output.Result}{error.Result}");
            }
        }
    }
}
