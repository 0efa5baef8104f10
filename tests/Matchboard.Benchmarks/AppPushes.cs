using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using HdrHistogram;
using Matchboard.Domain;
using Matchboard.Domain.Notifications;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;

namespace Matchboard.Benchmarks;

/// <summary>
/// <c>--app</c>'s push rows (issue 13), with hub clients of the official SignalR client, each against a floor measured in
/// the same run on the same server:
/// <list type="bullet">
/// <item>Push latency: a group revises its bid (<c>PUT …/bids/mine</c>) at a modest fixed rate, one request at a time; the
/// latency runs from the bid's COMMIT (the server's <see cref="Stopwatch.GetTimestamp"/> right after it, read back from
/// <c>/_floors/commits</c>: the same CLOCK_MONOTONIC as ours, checked by <see cref="CheckClockAsync"/>) to the officer's hub
/// client receiving the <c>notification</c>; from the request's send as well, printed as a second row. Floor: a raw
/// WebSocket echo round trip (<c>/_floors/echo</c>) at the same rate.</item>
/// <item>Fan-out: an officer publishes a new task (<c>POST /api/tasks</c> with <c>publish</c>) that 1,000 connected
/// groups match (same category and ward, verified, may bid: all in <c>TaskPostedAudience</c>); each client's delay runs
/// from the task's commit to its <c>TaskPosted</c>. Floor: <c>POST /_floors/broadcast</c> (a plain <c>Clients.All</c>)
/// to the same clients, timed from the server's stamp just before it calls <c>Clients.All</c>: both from the server's
/// moment of sending. Both are also printed from the request's send. Rounds alternate so that both see the same machine.</item>
/// </list>
/// The data (an association, the groups, their accounts) is added to the generated file while the server runs; the
/// groups are kept to one category and ward that the generated data also serves, so the audience query has its usual
/// competition.
/// </summary>
public static class AppPushes
{
    private const double PushTarget = 3.0;

    private const double FanOutTarget = 2.0;

    private const double AlertTarget = 3.0;

    /// <summary>Households of the benchmark's watch-over contract; reports rotate over them (each one's history stays short).</summary>
    private const int Households = 20;

    private const string Category = Categories.WatchOver;

    private const string Ward = Wards.Nakahara;

    /// <summary>Runs both measurements; returns the table's rows (figure, value, floor, floor value, ratio, target, met).</summary>
    /// <remarks>Options: <c>--push-groups N</c> (fan-out clients), <c>--push-samples N</c>, <c>--push-rounds N</c>.</remarks>
    /// <remarks>
    /// With <paramref name="other"/> (the PostgreSQL mode's second instance), the officer's hub client is on it while the
    /// bids go to <paramref name="address"/>, and the fan-out's clients alternate between both; <paramref name="prepared"/>
    /// is what <see cref="PrepareAsync"/> wrote before the data was copied to PostgreSQL.
    /// </remarks>
    public static async Task<IReadOnlyList<string[]>> RunAsync(
        Uri address, string databaseFile, string[] args, Uri? other = null, (int AssociationId, IReadOnlyList<int> GroupIds, ActiveContract Work)? prepared = null)
    {
        var smoke = args.Contains("--smoke");
        int Int(string name, int full, int tiny)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : smoke ? tiny : full;
        }

        var samples = Int("--push-samples", 400, 20);
        var rounds = Int("--push-rounds", 6, 2);
        var ratePerSecond = smoke ? 50 : 20;

        var watch = Stopwatch.StartNew();
        var (associationId, groupIds, work) = prepared ?? await PrepareAsync(databaseFile, args);
        var groupCount = groupIds.Count;

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16, UseCookies = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var officerToken = await SignInAsync(http, associationId);
        var groupTokens = new string[groupIds.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, groupIds.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => groupTokens[i] = await SignInAsync(http, groupIds[i]));
        Console.WriteLine($"  pushes: {groupCount:N0} groups + 1 association added and signed in ({watch.Elapsed.TotalSeconds:F1} s)");

        await CheckClockAsync(http);
        var rows = new List<string[]>();
        var (push, echo) = await PushLatencyAsync(address, other ?? address, http, officerToken, associationId, groupTokens[0], samples, ratePerSecond);
        rows.AddRange(push);
        rows.AddRange(await VisitAlertAsync(address, http, officerToken, associationId, groupTokens[^1], work, samples, ratePerSecond, echo));
        if (!args.Contains("--no-fan-out"))
        {
            rows.AddRange(await FanOutAsync(other is null ? [address] : [address, other], http, officerToken, groupIds, groupTokens, rounds));
        }

        return rows;
    }

    /// <summary>
    /// Writes the push rows' association and groups with their accounts into the generated file, and an active
    /// watch-over contract between the association and the last group (for the visit-report row).
    /// </summary>
    public static async Task<(int AssociationId, IReadOnlyList<int> GroupIds, ActiveContract Work)> PrepareAsync(string databaseFile, string[] args)
    {
        var smoke = args.Contains("--smoke");
        var at = Array.IndexOf(args, "--push-groups");
        var groupCount = at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : smoke ? 20 : 1_000;
        var (associationId, groupIds) = InsertOrganizations(databaseFile, groupCount);
        var work = InsertActiveContract(databaseFile, associationId, groupIds[^1], DateTimeOffset.UtcNow);
        await BenchmarkAccounts.AddAsync(databaseFile, [associationId, .. groupIds]);
        return (associationId, groupIds, work);
    }

    private static async Task<(string[][] Rows, LongHistogram Echo)> PushLatencyAsync(
        Uri address, Uri officersInstance, HttpClient http, string officerToken, int associationId, string groupToken, int samples, int ratePerSecond)
    {
        var interval = TimeSpan.FromSeconds(1.0 / ratePerSecond);

        // Floor: the raw WebSocket echo, a message the size of a bid notification, at the same rate.
        var echo = LoadGenerator.NewHistogram();
        using (var socket = new ClientWebSocket())
        {
            var ws = new UriBuilder(address) { Scheme = "ws", Path = "/_floors/echo" }.Uri;
            await socket.ConnectAsync(ws, CancellationToken.None);
            var message = Encoding.UTF8.GetBytes(new string('x', 400));
            var buffer = new byte[4096];
            for (var i = -samples / 10; i < samples; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                }
                while (!received.EndOfMessage);

                if (i >= 0)
                {
                    echo.RecordValue(Micros(start, Stopwatch.GetTimestamp()));
                }

                await PaceAsync(start, interval);
            }

            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        // The officer's open task and the group's first bid; then revisions, each pushed to the officer.
        var task = await CreateTaskAsync(http, officerToken);
        await using var officer = await ConnectAsync(officersInstance, officerToken);
        TaskCompletionSource<(long At, long Sequence)>? pending = null;
        officer.On<JsonElement>("notification", n =>
        {
            if (IsType(n, NotificationType.BidPlaced) || IsType(n, NotificationType.BidRevised))
            {
                Volatile.Read(ref pending)?.TrySetResult((Stopwatch.GetTimestamp(), SequenceOf(n)));
            }
        });
        await officer.StartAsync();

        var push = LoadGenerator.NewHistogram();
        var pushSent = LoadGenerator.NewHistogram();
        int lost = 0, beforeAnswer = 0, warmUpMissed = 0;
        for (var i = -1 - samples / 10; i < samples; i++)
        {
            var arrived = new TaskCompletionSource<(long At, long Sequence)>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref pending, arrived);
            var method = i == -1 - samples / 10 ? HttpMethod.Post : HttpMethod.Put;
            var path = method == HttpMethod.Post ? $"/api/tasks/{task.Id}/bids" : $"/api/tasks/{task.Id}/bids/mine";
            using var request = Request(method, path, groupToken, Bid(task.StartDate, 170_000 + (i + samples) % 50 * 100));
            var start = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            var answered = Stopwatch.GetTimestamp();
            await EnsureAsync(response, "bid");
            if (await Task.WhenAny(arrived.Task, Task.Delay(TimeSpan.FromSeconds(10))) != arrived.Task)
            {
                // A warm-up request may race the connection's joining its organization's group (see WarmUpMissed).
                (i < 0 ? ref warmUpMissed : ref lost)++;
                continue;
            }

            if (i >= 0)
            {
                var (at, sequence) = arrived.Task.Result;
                push.RecordValue(Micros(await CommittedAtAsync(http, associationId, sequence), at));
                pushSent.RecordValue(Micros(start, at));
                beforeAnswer += at <= answered ? 1 : 0;
            }

            await PaceAsync(start, interval);
        }

        Console.WriteLine($"  push: echo round trip p50 {Ms(echo, 50):F2} ms p99 {Ms(echo, 99):F2} ms; bid revision committed → officer's push " +
            $"p50 {Ms(push, 50):F2} ms p99 {Ms(push, 99):F2} ms; sent → officer's push p50 {Ms(pushSent, 50):F2} ms p99 {Ms(pushSent, 99):F2} ms " +
            $"({samples} each at {ratePerSecond}/s; {beforeAnswer} pushes arrived before the HTTP answer; {lost} lost{WarmUpMissed(warmUpMissed)})");
        if (lost > 0)
        {
            throw new InvalidOperationException($"{lost} bid pushes never reached the officer's hub client.");
        }

        var ratio = Ms(push, 99) / Ms(echo, 99);
        var where = officersInstance == address ? string.Empty : " (bid through instance A, officer's hub client on B)";
        return (
        [
            [
                "Push latency: bid revision committed → the officer's hub client receives it, p99" + where,
                $"{Ms(push, 99):F2} ms (p50 {Ms(push, 50):F2})",
                "Raw WebSocket echo round trip (/_floors/echo), p99",
                $"{Ms(echo, 99):F2} ms (p50 {Ms(echo, 50):F2})",
                $"{ratio:F2}×",
                $"≤ {PushTarget:F0}×",
                ratio <= PushTarget ? "met" : "missed",
            ],
            SentRow("Push latency, from the request: bid revised (PUT …/bids/mine sent) → the officer's hub client receives it, p99" + where,
                pushSent, "Raw WebSocket echo round trip (/_floors/echo), p99", echo),
        ], echo);
    }

    /// <summary>
    /// The provider's visitor files an urgent report (<c>POST /api/contracts/{id}/visits</c>, as at the door) on today's
    /// planned visit of one household after another, one request at a time at the push row's rate; each is timed from
    /// the request's send to the officer's hub client receiving the <c>VisitAlert</c> it raises. The floor is the echo
    /// measured by the push row (same run, same server, same rate).
    /// </summary>
    private static async Task<string[][]> VisitAlertAsync(
        Uri address, HttpClient http, string officerToken, int associationId, string providerToken, ActiveContract work, int samples, int ratePerSecond,
        LongHistogram echo)
    {
        var interval = TimeSpan.FromSeconds(1.0 / ratePerSecond);
        await using var officer = await ConnectAsync(address, officerToken);
        TaskCompletionSource<(long At, long Sequence)>? pending = null;
        officer.On<JsonElement>("notification", n =>
        {
            if (IsType(n, NotificationType.VisitAlert))
            {
                Volatile.Read(ref pending)?.TrySetResult((Stopwatch.GetTimestamp(), SequenceOf(n)));
            }
        });
        await officer.StartAsync();

        var alert = LoadGenerator.NewHistogram();
        var alertSent = LoadGenerator.NewHistogram();
        int lost = 0, beforeAnswer = 0, warmUpMissed = 0;
        for (var i = -samples / 10; i < samples; i++)
        {
            var arrived = new TaskCompletionSource<(long At, long Sequence)>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref pending, arrived);
            var visit = work.VisitIds[(i + samples) % work.VisitIds.Count];
            using var request = Request(HttpMethod.Post, $"/api/contracts/{work.ContractId}/visits", providerToken, new
            {
                plannedVisitId = visit,
                visitedAt = DateTimeOffset.UtcNow.AddSeconds(-1),
                visitorName = "訪問員 ベンチ",
                status = "Urgent",
                checklist = new { health = "Concern", meals = "Fine", sleep = "NotAsked", goingOut = "NotAsked", dailyLife = "Fine", worries = "Concern" },
                note = "ふらつきがあり、転んだとのことです。ご家族への連絡をお願いします。",
            });
            var start = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            var answered = Stopwatch.GetTimestamp();
            await EnsureAsync(response, "visit report");
            if (await Task.WhenAny(arrived.Task, Task.Delay(TimeSpan.FromSeconds(10))) != arrived.Task)
            {
                // A warm-up request may race the connection's joining its organization's group (see WarmUpMissed).
                (i < 0 ? ref warmUpMissed : ref lost)++;
                continue;
            }

            if (i >= 0)
            {
                var (at, sequence) = arrived.Task.Result;
                alert.RecordValue(Micros(await CommittedAtAsync(http, associationId, sequence), at));
                alertSent.RecordValue(Micros(start, at));
                beforeAnswer += at <= answered ? 1 : 0;
            }

            await PaceAsync(start, interval);
        }

        Console.WriteLine($"  alert: urgent visit report committed → officer's VisitAlert p50 {Ms(alert, 50):F2} ms p99 {Ms(alert, 99):F2} ms; " +
            $"sent → VisitAlert p50 {Ms(alertSent, 50):F2} ms p99 {Ms(alertSent, 99):F2} ms " +
            $"({samples} at {ratePerSecond}/s; {beforeAnswer} alerts arrived before the HTTP answer; {lost} lost{WarmUpMissed(warmUpMissed)})");
        if (lost > 0)
        {
            throw new InvalidOperationException($"{lost} visit alerts never reached the officer's hub client.");
        }

        var ratio = Ms(alert, 99) / Ms(echo, 99);
        return
        [
            [
                "Visit report filed (urgent report committed) → VisitAlert on the officer's hub client, p99",
                $"{Ms(alert, 99):F2} ms (p50 {Ms(alert, 50):F2})",
                "Raw WebSocket echo round trip (/_floors/echo), p99",
                $"{Ms(echo, 99):F2} ms (p50 {Ms(echo, 50):F2})",
                $"{ratio:F2}×",
                $"≤ {AlertTarget:F0}×",
                ratio <= AlertTarget ? "met" : "missed",
            ],
            SentRow("Visit report, from the request: POST /api/contracts/{id}/visits sent → VisitAlert on the officer's hub client, p99",
                alertSent, "Raw WebSocket echo round trip (/_floors/echo), p99", echo),
        ];
    }

    /// <summary>The same delivery timed from the request's send: not the issue's figure, shown so that nothing is hidden.</summary>
    private static string[] SentRow(string figure, LongHistogram value, string floor, LongHistogram floorValue) =>
    [
        figure,
        $"{Ms(value, 99):F2} ms (p50 {Ms(value, 50):F2})",
        floor,
        $"{Ms(floorValue, 99):F2} ms (p50 {Ms(floorValue, 50):F2})",
        $"{Ms(value, 99) / Ms(floorValue, 99):F2}×",
        "— (for reference)",
        "—",
    ];

    /// <summary>
    /// The commit stamps are the server's <see cref="Stopwatch.GetTimestamp"/>, subtracted from ours: on Linux both are
    /// CLOCK_MONOTONIC in nanoseconds, one clock per machine. Checked here: the server's reading must fall between two of
    /// ours taken around the request.
    /// </summary>
    private static async Task CheckClockAsync(HttpClient http)
    {
        var before = Stopwatch.GetTimestamp();
        var server = await http.GetFromJsonAsync<JsonElement>("/_floors/clock");
        var after = Stopwatch.GetTimestamp();
        var at = server.GetProperty("timestamp").GetInt64();
        if (server.GetProperty("frequency").GetInt64() != Stopwatch.Frequency || at < before || at > after)
        {
            throw new InvalidOperationException(
                $"The server's Stopwatch clock is not ours ({at} at frequency {server.GetProperty("frequency")}, ours {before}–{after} at {Stopwatch.Frequency}): commit stamps cannot be compared.");
        }

        Console.WriteLine($"  clock: the server's Stopwatch reading fell inside ours ({Stopwatch.GetElapsedTime(before, at).TotalMicroseconds:F0} µs after " +
            $"the request, {Stopwatch.GetElapsedTime(at, after).TotalMicroseconds:F0} µs before the answer; frequency {Stopwatch.Frequency:N0}/s): one monotonic clock");
    }

    /// <summary>When the server committed that organization's notification (<c>/_floors/commits</c>).</summary>
    private static async Task<long> CommittedAtAsync(HttpClient http, int organizationId, long sequence)
    {
        var found = await http.GetFromJsonAsync<JsonElement>(
            string.Create(CultureInfo.InvariantCulture, $"/_floors/commits?organization={organizationId}&sequence={sequence}"));
        return found.GetProperty("committedAt").GetInt64();
    }

    private static long SequenceOf(JsonElement notification) => notification.GetProperty("sequence").GetInt64();

    private static async Task<string[][]> FanOutAsync(
        IReadOnlyList<Uri> addresses, HttpClient http, string officerToken, IReadOnlyList<int> groupIds, IReadOnlyList<string> groupTokens, int rounds)
    {
        var n = groupTokens.Count;
        Round? current = null;
        var clients = new HubConnection[n];
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var client = await ConnectAsync(addresses[i % addresses.Count], groupTokens[i]);
            client.On<JsonElement>("notification", notice =>
            {
                if (IsType(notice, NotificationType.TaskPosted))
                {
                    Volatile.Read(ref current)?.Arrived(i, "task", Stopwatch.GetTimestamp(), SequenceOf(notice));
                }
            });
            client.On<string>(FloorMethod, _ => Volatile.Read(ref current)?.Arrived(i, "floor", Stopwatch.GetTimestamp()));
            await client.StartAsync();
            clients[i] = client;
        });
        Console.WriteLine($"  fan-out: {n:N0} hub clients connected ({watch.Elapsed.TotalSeconds:F1} s)");

        // From the server's moment of sending (the task's commit; the floor's call of Clients.All), and from the request's send.
        var figure = LoadGenerator.NewHistogram();
        var floor = LoadGenerator.NewHistogram();
        var figureSent = LoadGenerator.NewHistogram();
        var floorSent = LoadGenerator.NewHistogram();
        var missing = 0;
        // Where a new task's time goes: the HTTP answer, the first and the last client's arrival (means over the rounds).
        double answerMs = 0, committedMs = 0, firstMs = 0, lastMs = 0;
        try
        {
            // Round 0 of each is a warm-up; then they alternate, so both see the same machine.
            for (var round = 0; round <= rounds; round++)
            {
                foreach (var kind in new[] { "floor", "task" })
                {
                    var r = new Round(kind, n);
                    Volatile.Write(ref current, r);
                    var start = Stopwatch.GetTimestamp();
                    long serverSent = 0;
                    if (kind == "task")
                    {
                        await CreateTaskAsync(http, officerToken);
                        if (round > 0)
                        {
                            answerMs += Stopwatch.GetElapsedTime(start).TotalMilliseconds / rounds;
                        }
                    }
                    else
                    {
                        using var response = await http.PostAsync("/_floors/broadcast", new StringContent($"floor {round}"));
                        await EnsureAsync(response, "broadcast");
                        serverSent = long.Parse(response.Headers.GetValues("Floor-Sent-At").Single(), CultureInfo.InvariantCulture);
                    }

                    await Task.WhenAny(r.Done.Task, Task.Delay(TimeSpan.FromSeconds(30)));
                    Volatile.Write(ref current, null);
                    if (round == 0)
                    {
                        continue;
                    }

                    if (kind == "task" && r.At.Any(at => at != 0))
                    {
                        // One transaction wrote every group's notification: any one of them gives its commit.
                        var told = Array.FindIndex(r.At, at => at != 0);
                        serverSent = await CommittedAtAsync(http, groupIds[told], r.Sequences[told]);
                        committedMs += Stopwatch.GetElapsedTime(start, serverSent).TotalMilliseconds / rounds;
                        firstMs += Stopwatch.GetElapsedTime(start, r.At.Where(at => at != 0).Min()).TotalMilliseconds / rounds;
                        lastMs += Stopwatch.GetElapsedTime(start, r.At.Max()).TotalMilliseconds / rounds;
                    }

                    var (into, intoSent) = kind == "task" ? (figure, figureSent) : (floor, floorSent);
                    foreach (var at in r.At)
                    {
                        if (at == 0)
                        {
                            missing++;
                        }
                        else
                        {
                            into.RecordValue(Micros(serverSent, at));
                            intoSent.RecordValue(Micros(start, at));
                        }
                    }
                }
            }
        }
        finally
        {
            await Parallel.ForEachAsync(clients.Where(c => c is not null), new ParallelOptions { MaxDegreeOfParallelism = 16 },
                async (c, _) => await c.DisposeAsync());
        }

        Console.WriteLine($"  fan-out to {n:N0}: from the server's send, Clients.All p50 {Ms(floor, 50):F2} ms p99 {Ms(floor, 99):F2} ms; " +
            $"new task committed → TaskPosted p50 {Ms(figure, 50):F2} ms p99 {Ms(figure, 99):F2} ms ({rounds} rounds each after a warm-up; {missing} deliveries missing)");
        Console.WriteLine($"    from the request's send: Clients.All p50 {Ms(floorSent, 50):F2} ms p99 {Ms(floorSent, 99):F2} ms; " +
            $"new task → TaskPosted p50 {Ms(figureSent, 50):F2} ms p99 {Ms(figureSent, 99):F2} ms");
        Console.WriteLine($"    a new task, mean of the rounds from its send: committed at {committedMs:F0} ms, first client told at {firstMs:F0} ms, " +
            $"last at {lastMs:F0} ms, HTTP answer at {answerMs:F0} ms (after the commit the outbox pushes to every group at once, then mails)");
        if (missing > 0)
        {
            throw new InvalidOperationException($"{missing} fan-out deliveries never arrived within 30 s.");
        }

        var ratio = Ms(figure, 99) / Ms(floor, 99);
        var where = addresses.Count == 1 ? string.Empty : $" (posted through A, clients spread over {addresses.Count} instances)";
        return
        [
            [
                $"Fan-out: one new task committed → {n:N0} connected matching groups, p99 delivery" + where,
                $"{Ms(figure, 99):F2} ms (p50 {Ms(figure, 50):F2})",
                $"Plain Clients.All to the same {n:N0} clients, from the server's call of Clients.All, p99",
                $"{Ms(floor, 99):F2} ms (p50 {Ms(floor, 50):F2})",
                $"{ratio:F2}×",
                $"≤ {FanOutTarget:F0}×",
                ratio <= FanOutTarget ? "met" : "missed",
            ],
            SentRow($"Fan-out, from the request: POST /api/tasks sent → {n:N0} connected matching groups, p99 delivery" + where,
                figureSent, $"Plain Clients.All to the same {n:N0} clients (POST /_floors/broadcast sent), p99", floorSent),
        ];
    }

    /// <summary>Matchboard.Web's FloorEndpoints.HubMethod.</summary>
    private const string FloorMethod = "floor";

    /// <summary>One fan-out: the first arrival of its kind per client.</summary>
    private sealed class Round(string kind, int clients)
    {
        private int _remaining = clients;

        public long[] At { get; } = new long[clients];

        /// <summary>The sequence each client's notification carried (its organization's own number).</summary>
        public long[] Sequences { get; } = new long[clients];

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Arrived(int client, string what, long timestamp, long sequence = 0)
        {
            if (what == kind && Interlocked.CompareExchange(ref At[client], timestamp, 0) == 0)
            {
                Sequences[client] = sequence;
                if (Interlocked.Decrement(ref _remaining) == 0)
                {
                    Done.TrySetResult();
                }
            }
        }
    }

    /// <summary>
    /// A warm-up request sent right after connecting may miss its push: SignalR answers the handshake before the hub's
    /// <c>OnConnectedAsync</c> has joined the connection to its organization's group (with Redis that join is a round
    /// trip). The product's clients catch such a push up from the stored feed (<c>?after=</c>); a timed sample must arrive.
    /// </summary>
    private static string WarmUpMissed(int count) =>
        count == 0 ? "" : $"; {count} warm-up push(es) sent while the connection was still joining its group, not counted";

    private static async Task<HubConnection> ConnectAsync(Uri address, string token, bool start = false)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(address, "/hubs/matchboard"), HttpTransportType.WebSockets, options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.SkipNegotiation = true;
            })
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        if (start)
        {
            await connection.StartAsync();
        }

        return connection;
    }

    private static bool IsType(JsonElement notification, NotificationType type) =>
        notification.TryGetProperty("type", out var value) && value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() == type.ToString(),
            JsonValueKind.Number => value.GetInt32() == (int)type,
            _ => false,
        };

    private sealed record CreatedTask(int Id, DateOnly StartDate);

    private static async Task<CreatedTask> CreateTaskAsync(HttpClient http, string officerToken)
    {
        var now = DateTimeOffset.UtcNow;
        var startDate = JapanTime.DateOf(now).AddDays(14);
        using var request = Request(HttpMethod.Post, "/api/tasks", officerToken, new Dictionary<string, object?>
        {
            ["title"] = "ベンチ：一人暮らしの高齢者の見守り訪問（週1回）",
            ["description"] = "一人暮らしの高齢の方のお宅を週に1回訪問し、安否を確認してください。",
            ["category"] = Category,
            ["ward"] = Ward,
            ["town"] = "木月",
            ["startDate"] = startDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["endDate"] = startDate.AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["visitWeekdays"] = new[] { "Tuesday" },
            ["isVolunteer"] = false,
            ["feeYen"] = 180_000,
            ["bidDeadline"] = now.AddDays(5),
            ["certificationRequired"] = false,
            ["insuranceRequired"] = false,
            ["householdsServed"] = 12,
            ["publish"] = true,
        });
        using var response = await http.SendAsync(request);
        await EnsureAsync(response, "task");
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        return new CreatedTask(id, startDate);
    }

    private static object Bid(DateOnly startDate, long amountYen) => new
    {
        amountYen,
        proposal = "2人で週に1回訪問します。訪問の結果はその日のうちに報告します。",
        staffPlanned = 2,
        earliestStart = startDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static HttpRequestMessage Request(HttpMethod method, string path, string token, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (method == HttpMethod.Post)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        return request;
    }

    private static async Task<string> SignInAsync(HttpClient http, int organizationId)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/login",
            new { email = BenchmarkAccounts.EmailOf(organizationId), password = BenchmarkAccounts.Password });
        await EnsureAsync(response, "sign-in");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task PaceAsync(long start, TimeSpan interval)
    {
        var left = interval - Stopwatch.GetElapsedTime(start);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }
    }

    private static long Micros(long from, long to) => Math.Max(1, (long)Stopwatch.GetElapsedTime(from, to).TotalMicroseconds);

    private static double Ms(LongHistogram histogram, double percentile) =>
        histogram.TotalCount == 0 ? double.NaN : histogram.GetValueAtPercentile(percentile) / 1000.0;

    public sealed record ActiveContract(int ContractId, IReadOnlyList<int> VisitIds);

    /// <summary>
    /// An active watch-over contract between the officer's association and <paramref name="providerId"/>, signed a week
    /// ago, as the award and both signatures leave it (written here: an award waits for a bid deadline), with
    /// <see cref="Households"/> households that consented and a visit planned today for each.
    /// </summary>
    private static ActiveContract InsertActiveContract(string databaseFile, int associationId, int providerId, DateTimeOffset now)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile}");
        connection.Open();
        using var transaction = connection.BeginTransaction();

        var today = JapanTime.DateOf(now);
        var activated = now.AddDays(-7);
        var task = transaction.Insert("""
            INSERT INTO Tasks (AssociationId, Title, Description, Category, Ward, Town, Status, FeeYen, IsVolunteer,
                CertificationRequired, InsuranceRequired, HouseholdsServed, VisitsPlanned, VisitWeekdays, StartDate, EndDate,
                BidDeadline, CreatedAt, PublishedAt, BidsOpenedAt, AwardedAt, AwardRationale, Revision, Version)
            VALUES ($association, 'ベンチ：毎日の見守り訪問', '一人暮らしの高齢の方のお宅を毎日訪問し、安否を確認してください。',
                $category, $ward, '木月', 'Awarded', 180000, 0, 0, 0, $households, 1000, 127, $start, $end,
                $deadline, $created, $created, $deadline, $awarded, '毎日の訪問に慣れているため。', 1, 0)
            """, ("$association", associationId), ("$category", Category), ("$ward", Ward), ("$households", Households),
            ("$start", SqliteRows.Day(today.AddDays(-7))), ("$end", SqliteRows.Day(today.AddDays(90))), ("$deadline", now.AddDays(-12).UtcTicks),
            ("$created", now.AddDays(-20).UtcTicks), ("$awarded", now.AddDays(-10).UtcTicks));
        var bid = transaction.Insert("""
            INSERT INTO Bids (TaskId, GroupId, AmountYen, Proposal, StaffPlanned, EarliestStart, Status, ForEarlierTerms, SubmittedAt, UpdatedAt, DecidedAt)
            VALUES ($task, $provider, 170000, '2人1組で毎日訪問します。', 4, $start, 'Accepted', 0, $submitted, $submitted, $awarded)
            """, ("$task", task), ("$provider", providerId), ("$start", SqliteRows.Day(today.AddDays(-7))),
            ("$submitted", now.AddDays(-15).UtcTicks), ("$awarded", now.AddDays(-10).UtcTicks));
        transaction.Execute("UPDATE Tasks SET AwardedBidId = $bid WHERE Id = $task", ("$bid", bid), ("$task", task));
        var contract = transaction.Insert("""
            INSERT INTO Contracts (TaskId, BidId, AssociationId, ProviderId, AmountYen, Status, CreatedAt, AssociationSignedAt,
                ProviderSignedAt, ActivatedAt, SignBy, Version)
            VALUES ($task, $bid, $association, $provider, 170000, 'Active', $created, $activated, $activated, $activated, $signBy, 0)
            """, ("$task", task), ("$bid", bid), ("$association", associationId), ("$provider", providerId),
            ("$created", now.AddDays(-10).UtcTicks), ("$activated", activated.UtcTicks), ("$signBy", now.AddDays(-3).UtcTicks));
        var visits = new List<int>(Households);
        for (var h = 0; h < Households; h++)
        {
            var household = transaction.Insert("""
                INSERT INTO Households (ContractId, Label, ConsentDate, ConsentMethod, VisitorName, RegisteredAt, Version)
                VALUES ($contract, $label, $consent, 'InWriting', '訪問員 ベンチ', $registered, 0)
                """, ("$contract", contract), ("$label", $"ベンチ世帯{h + 1}"), ("$consent", SqliteRows.Day(today.AddDays(-8))),
                ("$registered", now.AddDays(-9).UtcTicks));
            visits.Add((int)transaction.Insert("""
                INSERT INTO PlannedVisits (ContractId, HouseholdId, Date, OriginalDate, Status, ReportCount, Version)
                VALUES ($contract, $household, $today, $today, 'Planned', 0, 0)
                """, ("$contract", contract), ("$household", household), ("$today", SqliteRows.Day(today))));
        }

        transaction.Commit();
        return new ActiveContract((int)contract, visits);
    }

    /// <summary>
    /// One association (the officer's) and <paramref name="groups"/> verified civic groups serving exactly
    /// <see cref="Category"/> in <see cref="Ward"/>, without certification: each may bid on the benchmark's tasks and scores
    /// the same-category and same-ward points, above the TaskPosted minimum.
    /// </summary>
    private static (int AssociationId, IReadOnlyList<int> GroupIds) InsertOrganizations(string databaseFile, int groups)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO Organizations (Name, Kind, Ward, Town, Capacity, Categories, WardsServed, IsVerified,
                IsInformationRequested, IsVerificationDeclined, IsVerificationSuspended, Version, TeamVersion)
            VALUES ($name, $kind, $ward, '木月', 5, $categories, $wardsServed, 1, 0, 0, 0, 0, 0);
            SELECT last_insert_rowid();
            """;
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var kind = command.Parameters.Add("$kind", SqliteType.Text);
        command.Parameters.AddWithValue("$ward", Ward);
        var categories = command.Parameters.Add("$categories", SqliteType.Text);
        var wardsServed = command.Parameters.Add("$wardsServed", SqliteType.Text);

        name.Value = "ベンチ押し町内会";
        kind.Value = "Association";
        categories.Value = "[]";
        wardsServed.Value = "[]";
        var associationId = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);

        var ids = new List<int>(groups);
        kind.Value = "CivicGroup";
        categories.Value = JsonSerializer.Serialize(new[] { Category });
        wardsServed.Value = JsonSerializer.Serialize(new[] { Ward });
        for (var i = 0; i < groups; i++)
        {
            name.Value = $"ベンチ押し市民団体{i + 1}";
            ids.Add(Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture));
        }

        transaction.Commit();
        return (associationId, ids);
    }
}
