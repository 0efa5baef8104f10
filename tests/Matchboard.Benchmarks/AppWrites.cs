using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Matchboard.Domain;
using Microsoft.Data.Sqlite;

namespace Matchboard.Benchmarks;

/// <summary>
/// Two rows of issue 13's table, in the <c>--app</c> run: an officer's task page with 20 opened bids (signed in with
/// the page's own cookie sign-in) against the static file, and bid placement by 16 concurrent bidders (bearer tokens
/// from <c>POST /api/auth/login</c>) against the bare insert floor <c>POST /_floors/insert</c> with the same 16 clients.
/// <see cref="PrepareAsync"/> writes what they need into the generated file before the server starts (the officer's task
/// is written with its deadline already past, so the officer's first read opens its bids as the app does at the deadline);
/// <see cref="MeasureAsync"/> signs in and measures.
/// </summary>
public static partial class AppWrites
{
    public const int BidsOnThePage = 20;

    public const int Bidders = 16;

    private const double PageThroughputTarget = 0.10;

    private const double PageP99TargetMs = 50;

    private const double BidThroughputTarget = 0.50;

    private const double BidP99TargetMs = 150;

    /// <summary>What was written: the officer, the task with its bids, the bidders and the open tasks they bid on.</summary>
    public sealed record Prepared(int OfficerOrganization, int OfficerTask, IReadOnlyList<int> BidderGroups, IReadOnlyList<int> OpenTasks, DateOnly EarliestStart);

    public static async Task<Prepared> PrepareAsync(string databaseFile, DateTimeOffset now)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile}");
        await connection.OpenAsync();
        var association = (int)(long)(await ScalarAsync(connection,
            "SELECT Id FROM Organizations WHERE Kind = 'Association' AND IsVerified = 1 ORDER BY Id LIMIT 1"))!;
        var groups = await IdsAsync(connection,
            "SELECT Id FROM Organizations WHERE Kind = 'CivicGroup' AND IsVerified = 1 AND IsVerificationSuspended = 0 ORDER BY Id LIMIT 36");
        if (groups.Count == 0)
        {
            throw new InvalidOperationException("The generated data holds no verified civic group.");
        }

        var today = JapanTime.DateOf(now);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using (var task = connection.CreateCommand())
        {
            // Open, its deadline an hour ago: the sweep or the officer's first read closes it and opens the bids.
            task.Transaction = transaction;
            task.CommandText = """
                INSERT INTO Tasks (AssociationId, Title, Description, Category, Ward, Town, Status, FeeYen, IsVolunteer,
                    CertificationRequired, InsuranceRequired, HouseholdsServed, VisitsPlanned, VisitWeekdays, StartDate, EndDate,
                    BidDeadline, CreatedAt, PublishedAt, Revision, Version)
                VALUES ($association, 'ベンチ：20件の入札が届いた依頼', '高齢の方のお宅を週に一度訪問し、安否を確認していただきます。',
                    $category, $ward, $town, 'Open', 120000, 0, 0, 0, 12, 24, 42, $start, $end, $deadline, $created, $created, 1, 0);
                SELECT last_insert_rowid();
                """;
            task.Parameters.AddWithValue("$association", association);
            task.Parameters.AddWithValue("$category", Categories.All[0]);
            task.Parameters.AddWithValue("$ward", Wards.All[0]);
            task.Parameters.AddWithValue("$town", $"{Wards.All[0]}-1丁目");
            task.Parameters.AddWithValue("$start", today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            task.Parameters.AddWithValue("$end", today.AddDays(200).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            task.Parameters.AddWithValue("$deadline", now.AddHours(-1).UtcTicks);
            task.Parameters.AddWithValue("$created", now.AddDays(-10).UtcTicks);
            var officerTask = (int)(long)(await task.ExecuteScalarAsync())!;

            await using var bid = connection.CreateCommand();
            bid.Transaction = transaction;
            bid.CommandText = """
                INSERT INTO Bids (TaskId, GroupId, AmountYen, Proposal, StaffPlanned, EarliestStart, Status, ForEarlierTerms, SubmittedAt, UpdatedAt)
                VALUES ($task, $group, $amount, $proposal, $staff, $start, 'Submitted', 0, $at, $at);
                """;
            var taskId = bid.Parameters.Add("$task", SqliteType.Integer);
            var group = bid.Parameters.Add("$group", SqliteType.Integer);
            var amount = bid.Parameters.Add("$amount", SqliteType.Integer);
            var proposal = bid.Parameters.Add("$proposal", SqliteType.Text);
            var staff = bid.Parameters.Add("$staff", SqliteType.Integer);
            var start = bid.Parameters.Add("$start", SqliteType.Text);
            var at = bid.Parameters.Add("$at", SqliteType.Integer);
            var onThePage = groups.Take(BidsOnThePage).ToList();
            for (var i = 0; i < onThePage.Count; i++)
            {
                taskId.Value = officerTask;
                group.Value = onThePage[i];
                amount.Value = 80_000 + (i * 3_000);
                proposal.Value = $"週1回、2名で訪問します。訪問記録は当日中に提出します。（提案{i + 1}）";
                staff.Value = 1 + (i % 4);
                start.Value = today.AddDays(30 + (i % 5)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                at.Value = now.AddDays(-5).AddMinutes(i).UtcTicks;
                await bid.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();

            // The bidders' tasks: open for a while yet, asking neither the city's mark nor insurance (any verified group may bid).
            var open = await IdsAsync(connection,
                $"SELECT Id FROM Tasks WHERE Status = 'Open' AND CertificationRequired = 0 AND InsuranceRequired = 0 AND BidDeadline > {now.AddDays(1).UtcTicks} ORDER BY Id");
            var bidders = Enumerable.Range(0, Bidders).Select(i => groups[(groups.Count - 1 - i) % groups.Count]).Distinct().ToList();
            await BenchmarkAccounts.AddAsync(databaseFile, bidders.Append(association).ToList());
            return new Prepared(association, officerTask, bidders, open, today.AddDays(1));
        }
    }

    /// <summary>Signs in and measures both rows; <paramref name="page"/> is the 64-connection generator the board used.</summary>
    internal static async Task<(IReadOnlyList<AppBenchmark.Row> Rows, bool Broken)> MeasureAsync(
        Uri server, Prepared prepared, LoadGenerator page, string floorName, LoadResult floorMax, LoadResult floorHalf,
        TimeSpan seconds, TimeSpan warmUp, IReadOnlyList<Uri>? spread = null, bool pageOnly = false)
    {
        var rows = new List<AppBenchmark.Row>();

        // With several instances (the PostgreSQL mode), request i goes to instance i mod n.
        string At(string path, long i) => spread is null ? path : new Uri(spread[(int)(i % spread.Count)], path).ToString();
        var broken = false;

        // 1. The officer's task page, signed in through the sign-in page (antiforgery token and all), read with its cookie.
        var cookie = await SignInWithCookieAsync(server, BenchmarkAccounts.EmailOf(prepared.OfficerOrganization));
        var pagePath = $"/Tasks/{prepared.OfficerTask}";
        HttpRequestMessage PageRequest(long i)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, At(pagePath, i));
            request.Headers.Add("Cookie", cookie);
            return request;
        }

        // The first read opens the bids; check that the page shows them, not the sealed count or the sign-in page.
        using (var check = PageRequest(0))
        using (var http = new HttpClient { BaseAddress = server })
        using (var answer = await http.SendAsync(check))
        {
            var html = await answer.Content.ReadAsStringAsync();
            var shown = BidderName().Matches(html).Select(m => m.Value).Distinct().Count();
            Console.WriteLine($"  officer's page {pagePath}: {(int)answer.StatusCode}, {shown} bidding groups named on it");
            if (answer.StatusCode != HttpStatusCode.OK || shown < Math.Min(BidsOnThePage, 1))
            {
                broken = true;
                Console.Error.WriteLine("    the officer's page does not show the opened bids");
            }
        }

        const string pageName = "Officer's task page with 20 bids (/Tasks/{id}, signed in)";
        var (pageMax, pageHalf) = await MeasureAsync(page, pageName, PageRequest, seconds, warmUp);
        broken |= pageMax.Errors + pageHalf.Errors > 0 || pageMax.Completed == 0;
        var pageRatio = pageMax.RequestsPerSecond / floorMax.RequestsPerSecond;
        rows.Add(new($"{pageName}: max throughput", $"{pageMax.RequestsPerSecond:N0} req/s", floorName,
            $"{floorMax.RequestsPerSecond:N0} req/s", $"{pageRatio * 100:F1}%", $"≥ {PageThroughputTarget * 100:F0}%",
            pageRatio >= PageThroughputTarget ? "met" : "missed"));
        rows.Add(new($"{pageName}: p99 at half its max rate", $"{pageHalf.P99Ms:F2} ms", $"{floorName} at half its max rate",
            $"{floorHalf.P99Ms:F2} ms", $"{pageHalf.P99Ms / floorHalf.P99Ms:F2}×", $"≤ {PageP99TargetMs} ms",
            pageHalf.P99Ms <= PageP99TargetMs ? "met" : "missed"));
        if (pageOnly)
        {
            return (rows, broken);
        }

        // 2. Bids by 16 groups at once, each on tasks of its own run through the open ones (a group has one live bid per
        // task), against the bare insert through the same write path with the same 16 clients.
        var tokens = new List<string>();
        foreach (var group in prepared.BidderGroups)
        {
            tokens.Add(await AccessTokenAsync(server, BenchmarkAccounts.EmailOf(group)));
        }

        using var writers = new LoadGenerator(server, Bidders);
        var nextTask = new long[tokens.Count];
        var stride = Math.Max(1, prepared.OpenTasks.Count / tokens.Count);
        var earliestStart = prepared.EarliestStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        HttpRequestMessage Authorized(HttpMethod method, string path, int client, long i)
        {
            var request = new HttpRequestMessage(method, At(path, i));
            request.Headers.Authorization = new("Bearer", tokens[client]);
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            return request;
        }

        HttpRequestMessage FloorRequest(long i) => Authorized(HttpMethod.Post, "/_floors/insert?note=bench", (int)(i % tokens.Count), i / tokens.Count + i);
        HttpRequestMessage BidRequest(long i)
        {
            var client = (int)(i % tokens.Count);
            var k = Interlocked.Increment(ref nextTask[client]) - 1;
            if (k >= prepared.OpenTasks.Count)
            {
                throw new InvalidOperationException("The bidders ran out of open tasks: generate more (--tasks).");
            }

            var taskId = prepared.OpenTasks[(int)(((client * (long)stride) + k) % prepared.OpenTasks.Count)];
            var request = Authorized(HttpMethod.Post, $"/api/tasks/{taskId}/bids", client, i / tokens.Count + i);
            request.Content = JsonContent.Create(new
            {
                amountYen = 10_000 + (k % 50) * 1_000,
                proposal = "週1回、2名で訪問します。訪問記録は当日中に提出します。",
                staffPlanned = 2,
                earliestStart,
            });
            return request;
        }

        const string insertName = "Bare insert (POST /_floors/insert), 16 clients";
        const string bidName = "Place a bid, 16 concurrent bidders (POST /api/tasks/{id}/bids)";
        var (insertMax, insertHalf) = await MeasureAsync(writers, insertName, FloorRequest, seconds, warmUp);
        var (bidMax, bidHalf) = await MeasureAsync(writers, bidName, BidRequest, seconds, warmUp);
        broken |= insertMax.Errors + insertHalf.Errors > 0 || insertMax.Completed == 0 || bidMax.Completed == 0;
        var bidRatio = bidMax.RequestsPerSecond / insertMax.RequestsPerSecond;
        var bidErrors = bidMax.Errors + bidHalf.Errors;
        rows.Add(new($"{bidName}: max throughput", $"{bidMax.RequestsPerSecond:N0} req/s", insertName,
            $"{insertMax.RequestsPerSecond:N0} req/s", $"{bidRatio * 100:F0}%", $"≥ {BidThroughputTarget * 100:F0}%",
            bidRatio >= BidThroughputTarget ? "met" : "missed"));
        rows.Add(new($"{bidName}: p99 at half its max rate", $"{bidHalf.P99Ms:F2} ms", $"{insertName} at half its max rate",
            $"{insertHalf.P99Ms:F2} ms", $"{bidHalf.P99Ms / insertHalf.P99Ms:F2}×", $"≤ {BidP99TargetMs} ms",
            bidHalf.P99Ms <= BidP99TargetMs ? "met" : "missed"));
        rows.Add(new($"{bidName}: errors (non-2xx, both runs)", $"{bidErrors:N0} of {bidMax.Completed + bidHalf.Completed + bidErrors:N0}",
            insertName, $"{insertMax.Errors + insertHalf.Errors:N0}", "—", "0", bidErrors == 0 ? "met" : "missed"));
        return (rows, broken);
    }

    private static async Task<(LoadResult Max, LoadResult Half)> MeasureAsync(
        LoadGenerator load, string name, Func<long, HttpRequestMessage> request, TimeSpan seconds, TimeSpan warmUp)
    {
        if (warmUp > TimeSpan.Zero)
        {
            await load.SaturateAsync(request, warmUp);
        }

        var max = await load.SaturateAsync(request, seconds);
        var half = await load.FixedRateAsync(request, Math.Max(1, max.RequestsPerSecond / 2), seconds * 1.5);
        Console.WriteLine($"  {name}: max {max.RequestsPerSecond:N0} req/s ({max.Errors} errors), " +
            $"at {max.RequestsPerSecond / 2:N0} req/s p50 {half.P50Ms:F2} ms p99 {half.P99Ms:F2} ms ({half.Errors} errors)");
        foreach (var failed in new[] { max, half }.Where(r => r.Errors > 0 || r.Completed == 0))
        {
            Console.Error.WriteLine($"    {failed.Errors} errors, {failed.Completed} answered; first: {failed.FirstError}");
        }

        return (max, half);
    }

    /// <summary>Signs in as a person does: the sign-in page's form with its antiforgery token; returns the Cookie header.</summary>
    private static async Task<string> SignInWithCookieAsync(Uri server, string email)
    {
        var jar = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = server };
        var form = await http.GetStringAsync("/Accounts/SignIn");
        var token = FormToken().Match(form) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The sign-in page carries no antiforgery token.");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Accounts/SignIn")
        {
            Content = new FormUrlEncodedContent([new("Email", email), new("Password", BenchmarkAccounts.Password), new("__RequestVerificationToken", token)]),
        };
        post.Headers.Add("Origin", server.GetLeftPart(UriPartial.Authority));
        using var answer = await http.SendAsync(post);
        if (answer.StatusCode != HttpStatusCode.Redirect && answer.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Signing in as {email} on the page answered {(int)answer.StatusCode}.");
        }

        return jar.GetCookieHeader(server);
    }

    private static async Task<string> AccessTokenAsync(Uri server, string email)
    {
        using var http = new HttpClient { BaseAddress = server };
        using var answer = await http.PostAsJsonAsync("/api/auth/login", new { email, password = BenchmarkAccounts.Password });
        answer.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task<List<int>> IdsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<int>();
        while (await reader.ReadAsync())
        {
            ids.Add((int)reader.GetInt64(0));
        }

        return ids;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("ベンチ市民団体\\d+")]
    private static partial Regex BidderName();
}
