using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Matchboard.Benchmarks;

/// <summary>
/// The app as a real server in its own process: the Web project's own build of the benchmark's configuration
/// (Release for the full run), Production, SQLite on the generated file, the benchmark's floors on, write limits
/// raised, plain http (a deployment terminates TLS at its proxy). Production never loads the demo, so the server
/// reads exactly the generated data. Pinned to the last core with taskset where there are two or more.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly Process _process;

    private readonly StreamWriter _log;

    private AppServer(Process process, StreamWriter log, Uri address, string? pinnedTo)
    {
        _process = process;
        _log = log;
        Address = address;
        PinnedTo = pinnedTo;
    }

    public Uri Address { get; }

    /// <summary>The core the server runs on, or null when it is not pinned.</summary>
    public string? PinnedTo { get; }

    public int ProcessId => _process.Id;

    public string LogFile { get; private init; } = string.Empty;

    /// <param name="database">The database settings (<c>--Key=Value</c>); null for SQLite on <paramref name="databaseFile"/>.
    /// The PostgreSQL mode (<see cref="AppPostgres"/>) passes its provider, connection string and Redis here.</param>
    public static async Task<AppServer> StartAsync(string databaseFile, string workFolder, bool pin, IReadOnlyList<string>? database = null)
    {
        var repository = FindRepository();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        var webProject = Path.Combine(repository, "src", "Matchboard.Web");
        var dll = Path.Combine(webProject, "bin", configuration, "net10.0", "Matchboard.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the app first (dotnet build -c {configuration}): {dll} is missing.");
        }

        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        string? core = pin && Environment.ProcessorCount >= 2 && File.Exists("/usr/bin/taskset")
            ? (Environment.ProcessorCount - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
        var start = new ProcessStartInfo(core is null ? "dotnet" : "/usr/bin/taskset")
        {
            // The project folder is the content root: its wwwroot holds the static files (a Release build has none of
            // its own outside a publish), its appsettings.json is the app's.
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (core is not null)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(core);
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(dll);
        foreach (var setting in new[]
                 {
                     $"--urls={address}",
                     $"--contentRoot={webProject}",
                 }.Concat(database ?? ["--Database:Provider=Sqlite", $"--ConnectionStrings:Matchboard=Data Source={databaseFile}"]).Concat(new[]
                 {
                     "--Matchboard:Benchmark:Floors=true",
                     "--Matchboard:RequireHttps=false",
                     "--Matchboard:WritesPerMinute=10000000",
                     "--Matchboard:SignInsPerMinute=1000000",
                     "--Matchboard:SignInsPerAccountPerMinute=1000000",
                     $"--Matchboard:MailDrop={Path.Combine(workFolder, "mail")}",
                     $"--Matchboard:Documents={Path.Combine(workFolder, "documents")}",
                 }))
        {
            start.ArgumentList.Add(setting);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        start.Environment["DOTNET_gcServer"] = "1";

        var logFile = Path.Combine(workFolder, $"server-{port}.log");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AppServer(process, log, address, core) { LogFile = logFile };

        // Up when /health answers (migrations are applied before the server listens).
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode} before answering: see {logFile}");
            }

            try
            {
                if ((await probe.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        await server.DisposeAsync();
        throw new TimeoutException($"The app did not answer /health within 90 s: see {logFile}");
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The server's last words after the benchmark stopped listening.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Matchboard.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("Matchboard.sln not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}
