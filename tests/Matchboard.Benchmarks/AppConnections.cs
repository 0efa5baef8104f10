using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using Matchboard.Web.Features.Floors;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Benchmarks;

/// <summary>
/// Idle connections held (issue 13): N hub connections (the official SignalR client, WebSockets, JSON as the browser
/// speaks) open on one server at once, held for a while, with the server's memory read before and after.
/// <para>
/// This machine caps a process at 20,000 open files and loopback offers ~28,000 ephemeral ports per source address, so
/// the clients live in child processes (this program again, <c>--hold N --source 127.0.0.K</c>), each holding at most
/// <see cref="PerProcess"/> connections from its own source address. The source address is bound by the HTTP handler's
/// <c>ConnectCallback</c>, and the SignalR client's <c>WebSocketFactory</c> opens its <see cref="ClientWebSocket"/>
/// through that handler (<c>ConnectAsync(uri, invoker, ct)</c>), so the connections are real WebSockets.
/// </para>
/// <para>
/// All connections use a few accounts' access tokens (<see cref="BenchmarkAccounts"/>, signed in over
/// <c>POST /api/auth/login</c>), so each joins its organization's group as a real one does. The server's memory:
/// VmRSS from /proc and live managed bytes after a full collection (<c>GET /_floors/memory</c>).
/// </para>
/// </summary>
public static class AppConnections
{
    public const int PerProcess = 4_000;

    private const string TokenVariable = "MATCHBOARD_BENCH_TOKEN";

    private const int Accounts = 4;

    public sealed record Result(
        int Wanted, int Connected, int Held, int Processes, TimeSpan Opening, TimeSpan Hold,
        long RssBefore, long RssAfter, long ManagedBefore, long ManagedAfter, long ServerOpenFileLimit, string? FirstError)
    {
        public double RssPerConnection => Connected == 0 ? 0 : (double)(RssAfter - RssBefore) / Connected;

        public double ManagedPerConnection => Connected == 0 ? 0 : (double)(ManagedAfter - ManagedBefore) / Connected;
    }

    /// <summary>Opens <paramref name="count"/> connections from child processes, holds them, reads the server's memory.</summary>
    public static async Task<Result> MeasureAsync(Uri server, int serverProcessId, string databaseFile, int count, TimeSpan hold)
    {
        var tokens = await SignInAsync(server, databaseFile);
        var limit = OpenFileLimit(serverProcessId);
        if (limit > 0 && count + 500 > limit)
        {
            Console.WriteLine($"  warning: the server may open {limit:N0} files; {count:N0} connections will not all fit");
        }

        using var memory = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        var before = await ReadMemoryAsync(memory, serverProcessId);

        // At least two, so that even the smoke run goes through several processes and source addresses.
        var processes = Math.Max(2, (count + PerProcess - 1) / PerProcess);
        var children = new List<Process>();
        var opening = Stopwatch.StartNew();
        var dll = typeof(AppConnections).Assembly.Location;
        try
        {
            for (var k = 0; k < processes; k++)
            {
                var share = count / processes + (k < count % processes ? 1 : 0);
                var start = new ProcessStartInfo("dotnet")
                {
                    RedirectStandardInput = true,
                    RedirectStandardOutput = true,
                    RedirectStandardError = false,
                    UseShellExecute = false,
                };
                foreach (var argument in new[] { dll, "--hold", share.ToString(CultureInfo.InvariantCulture), "--source", $"127.0.0.{k + 2}", "--url", server.ToString() })
                {
                    start.ArgumentList.Add(argument);
                }

                // Not on the command line, where ps would show it.
                start.Environment[TokenVariable] = tokens[k % tokens.Count];
                start.Environment["DOTNET_gcServer"] = "0";
                children.Add(Process.Start(start) ?? throw new InvalidOperationException("A client process did not start."));
            }

            var connected = 0;
            string? firstError = null;
            foreach (var child in children)
            {
                // "connected OK FAILED [first error]"
                var line = await child.StandardOutput.ReadLineAsync() ?? "connected 0 0 the client process died";
                var parts = line.Split(' ', 4);
                connected += int.Parse(parts[1], CultureInfo.InvariantCulture);
                firstError ??= parts.Length > 3 ? parts[3] : null;
            }

            opening.Stop();
            Console.WriteLine($"  {connected:N0} of {count:N0} hub connections open in {opening.Elapsed.TotalSeconds:F1} s from {processes} client processes" +
                (firstError is null ? string.Empty : $"; first error: {firstError}"));

            // Held: the memory is read a few seconds in (the opening's garbage collected), then the rest of the time passes
            // with the clients' and the server's keep-alive pings, then each client counts what is still connected.
            var held = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, hold.TotalSeconds / 2)));
            var after = await ReadMemoryAsync(memory, serverProcessId);
            var rest = hold - held.Elapsed;
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest);
            }

            var stillConnected = 0;
            foreach (var child in children)
            {
                await child.StandardInput.WriteLineAsync("check");
                await child.StandardInput.FlushAsync();
            }

            foreach (var child in children)
            {
                // "held N closed M"
                var line = await child.StandardOutput.ReadLineAsync() ?? "held 0";
                stillConnected += int.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
            }

            Console.WriteLine($"  {stillConnected:N0} still connected after {held.Elapsed.TotalSeconds:F0} s; server RSS {before.Rss / 1048576.0:F0} → " +
                $"{after.Rss / 1048576.0:F0} MiB, live managed {before.Managed / 1048576.0:F0} → {after.Managed / 1048576.0:F0} MiB " +
                $"(open-file limit {limit:N0})");
            return new Result(count, connected, stillConnected, processes, opening.Elapsed, held.Elapsed,
                before.Rss, after.Rss, before.Managed, after.Managed, limit, firstError);
        }
        finally
        {
            foreach (var child in children)
            {
                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                    await child.WaitForExitAsync();
                }

                child.Dispose();
            }
        }
    }

    /// <summary>The child: <c>--hold N --source ADDRESS --url SERVER</c>, token in the environment.</summary>
    public static async Task<int> HoldAsync(string[] args)
    {
        string Arg(string name) => args[Array.IndexOf(args, name) + 1];
        var count = int.Parse(Arg("--hold"), CultureInfo.InvariantCulture);
        var source = IPAddress.Parse(Arg("--source"));
        var server = new Uri(Arg("--url"));
        var token = Environment.GetEnvironmentVariable(TokenVariable) ?? throw new InvalidOperationException(TokenVariable + " is not set");
        ThreadPool.SetMinThreads(64, 64);

        // Every connection from this process leaves from its own source address (bind before connect).
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        using var invoker = new HttpMessageInvoker(handler);
        var hub = new Uri(server, "/hubs/matchboard?access_token=" + Uri.EscapeDataString(token));
        var connections = new HubConnection?[count];
        var failed = 0;
        var closed = 0;
        string? firstError = null;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(hub, options =>
                {
                    options.Transports = HttpTransportType.WebSockets;
                    options.SkipNegotiation = true;
                    options.WebSocketFactory = async (context, cancel) =>
                    {
                        var socket = new ClientWebSocket();
                        try
                        {
                            await socket.ConnectAsync(context.Uri, invoker, cancel);
                            return socket;
                        }
                        catch
                        {
                            socket.Dispose();
                            throw;
                        }
                    };
                })
                .Build();
            connection.Closed += _ =>
            {
                Interlocked.Increment(ref closed);
                return Task.CompletedTask;
            };
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                await connection.StartAsync(timeout.Token);
                connections[i] = connection;
            }
            catch (Exception e)
            {
                Interlocked.Increment(ref failed);
                Interlocked.CompareExchange(ref firstError, $"{e.GetType().Name}: {e.Message}".ReplaceLineEndings(" "), null);
                await connection.DisposeAsync();
            }
        });

        Console.WriteLine($"connected {count - failed} {failed}{(firstError is null ? string.Empty : " " + firstError)}");
        while (await Console.In.ReadLineAsync() is { } command)
        {
            if (command == "check")
            {
                var held = connections.Count(c => c?.State == HubConnectionState.Connected);
                Console.WriteLine($"held {held} closed {Volatile.Read(ref closed)}");
            }
        }

        // The parent closed our input (or killed us): the kernel closes the sockets; no goodbyes for thousands.
        return 0;
    }

    public static string Row(Result result) =>
        $"{result.Held:N0} of {result.Wanted:N0} held {result.Hold.TotalSeconds:F0} s; " +
        $"{result.RssPerConnection / 1024:F1} KB RSS, {result.ManagedPerConnection / 1024:F1} KB managed per connection";

    /// <summary>The accounts the connections sign in with (added if missing; the PostgreSQL mode adds them before its copy).</summary>
    public static async Task<IReadOnlyDictionary<int, string>> PrepareAsync(string databaseFile)
    {
        List<int> organizations;
        await using (var db = BenchmarkDatabase.Open(databaseFile))
        {
            organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Id).Select(o => o.Id).Take(Accounts).ToListAsync();
        }

        return await BenchmarkAccounts.AddAsync(databaseFile, organizations);
    }

    private static async Task<IReadOnlyList<string>> SignInAsync(Uri server, string databaseFile)
    {
        var emails = await PrepareAsync(databaseFile);
        using var http = new HttpClient { BaseAddress = server };
        var tokens = new List<string>();
        foreach (var email in emails.Values)
        {
            var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = BenchmarkAccounts.Password });
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
            tokens.Add(body?.AccessToken ?? throw new InvalidOperationException("The login answered no access token."));
        }

        return tokens;
    }

    private sealed record TokenResponse(string AccessToken);

    private static async Task<(long Rss, long Managed)> ReadMemoryAsync(HttpClient http, int processId)
    {
        var managed = (await http.GetFromJsonAsync<FloorEndpoints.FloorMemoryDto>("/_floors/memory"))!.ManagedBytes;
        return (ReadKilobytes(processId, "VmRSS:") * 1024, managed);
    }

    private static long ReadKilobytes(int processId, string field)
    {
        var path = $"/proc/{processId}/status";
        if (!File.Exists(path))
        {
            return 0;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static long OpenFileLimit(int processId)
    {
        var path = $"/proc/{processId}/limits";
        var line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal)) : null;
        var parts = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts is { Length: >= 4 } && long.TryParse(parts[3], out var soft) ? soft : 0;
    }
}
