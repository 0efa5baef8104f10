using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Matchboard.ScaleOut.Tests.Infrastructure;

/// <summary>
/// One Matchboard instance as a real operating-system process (<c>dotnet Matchboard.Web.dll</c> from the Web
/// project's build output) on its own loopback port: what a deployment runs, and what SIGKILL can really kill.
/// </summary>
public sealed class AppInstance : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly StringBuilder _log = new();
    private Process? _process;

    public AppInstance(string name, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        _settings = settings;
        Port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}");
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The last lines the process wrote, for a failing test's message.</summary>
    public string RecentLog
    {
        get
        {
            lock (_log)
            {
                var text = _log.ToString();
                return text.Length > 6000 ? text[^6000..] : text;
            }
        }
    }

    /// <summary>Starts the process (on the same port after a kill) and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var web = WebBuildOutput();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(RepositoryRoot(), "src", "Matchboard.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(web, "Matchboard.Web.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilReadyAsync(process);
    }

    /// <summary>SIGKILL: no shutdown, no flushing, no goodbye to Redis or to the clients.</summary>
    public void Kill()
    {
        if (_process is { } process && !process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public HttpClient CreateHttpClient() => new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The folder of the repository (where Matchboard.sln is), found from this test assembly's folder.</summary>
    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Matchboard.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Matchboard.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The Web project's build output of the same configuration as this test assembly (built with it, as a reference).</summary>
    private static string WebBuildOutput()
    {
        // .../tests/Matchboard.ScaleOut.Tests/bin/{Configuration}/net10.0/
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var output = Path.Combine(RepositoryRoot(), "src", "Matchboard.Web", "bin", configuration, framework.Name);
        return File.Exists(Path.Combine(output, "Matchboard.Web.dll"))
            ? output
            : throw new InvalidOperationException("Matchboard.Web.dll not built in " + output);
    }

    private async Task WaitUntilReadyAsync(Process process)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartPatience;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode} while starting:\n{RecentLog}");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but busy starting.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not ready within {StartPatience.TotalSeconds} s:\n{RecentLog}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine($"[{Name}] {line}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
