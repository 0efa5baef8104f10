using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway <c>redis-server</c> (Debian's binary) on 127.0.0.1 and a free port, with no persistence. It can be
/// stopped and started again on the same port, for outage tests, and it is stopped at dispose and at process exit.
/// Usable as an xUnit class or collection fixture.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private readonly object _gate = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("matchboard-redis-").FullName;
    private Process? _process;

    public RedisServer()
    {
        Port = FreePort();
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        Start();
    }

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for <c>Redis:Configuration</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the server (again) on the same port and returns once it answers PING.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (IsRunning)
            {
                return;
            }

            var start = new ProcessStartInfo("redis-server")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = _directory,
            };
            foreach (var argument in new[]
            {
                "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", _directory,
                "--daemonize", "no",
            })
            {
                start.ArgumentList.Add(argument);
            }

            var output = new StringBuilder();
            var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
            process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _process = process;

            var deadline = Stopwatch.StartNew();
            while (!AnswersPing())
            {
                if (process.HasExited || deadline.Elapsed > StartTimeout)
                {
                    Kill();
                    lock (output)
                    {
                        throw new InvalidOperationException($"redis-server did not answer on port {Port}:\n{output}");
                    }
                }

                Thread.Sleep(20);
            }
        }
    }

    /// <summary>Stops the server at once (SIGKILL, as an outage would); the port stays this server's for <see cref="Start"/>.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            Kill();
        }
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Stop();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Kill();

    private void Kill()
    {
        if (_process is { } process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit();
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
            _process = null;
        }
    }

    private bool AnswersPing()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            using var stream = client.GetStream();
            stream.ReadTimeout = 1000;
            stream.Write("PING\r\n"u8);
            var buffer = new byte[16];
            var read = stream.Read(buffer, 0, buffer.Length);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
