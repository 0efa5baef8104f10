using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Matchboard.Domain;

namespace Matchboard.ScaleOut.Tests.Infrastructure;

/// <summary>One request's outcome: its status (0 when no answer came: refused connection, reset, timeout), body and time.</summary>
public sealed record Answer(int Status, string? ContentType, JsonElement? Body, TimeSpan Elapsed, string? Error)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public bool IsServerError => Status >= 500;

    public int? Id => Body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("id", out var id) ? id.GetInt32() : null;

    /// <summary>The problem's <c>code</c> extension, if the answer is a problem.</summary>
    public string? Code => Body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("code", out var c) ? c.ToString() : null;

    public bool IsProblem(int status) =>
        Status == status && ContentType == "application/problem+json"
        && Body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("status", out var s) && s.GetInt32() == status
        && b.TryGetProperty("title", out var title) && title.GetString() is { Length: > 0 };

    public static async Task<Answer> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            JsonElement? body = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : null;
            return new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, watch.Elapsed, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return new Answer(0, null, null, watch.Elapsed, ex.GetType().Name + ": " + ex.Message);
        }
    }
}

/// <summary>The figures a load test reports: answers by status, and latency percentiles.</summary>
public sealed class Tally
{
    private readonly ConcurrentBag<Answer> _answers = [];

    public void Add(Answer answer) => _answers.Add(answer);

    public IReadOnlyCollection<Answer> All => _answers;

    public int Count(Func<Answer, bool> predicate) => _answers.Count(predicate);

    public string Summary(TimeSpan wall)
    {
        var byStatus = string.Join(", ", _answers.GroupBy(a => a.Status).OrderBy(g => g.Key)
            .Select(g => $"{(g.Key == 0 ? "no answer" : g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))}: {g.Count()}"));
        var codes = string.Join(", ", _answers.Where(a => a.Code is not null).GroupBy(a => $"{a.Status} {a.Code}").Select(g => $"{g.Key}: {g.Count()}"));
        var times = _answers.Select(a => a.Elapsed.TotalMilliseconds).Order().ToList();
        double P(double q) => times.Count == 0 ? 0 : times[(int)Math.Min(times.Count - 1, Math.Floor(q * times.Count))];
        return $"{_answers.Count} requests in {wall.TotalSeconds:0.0} s ({_answers.Count / Math.Max(wall.TotalSeconds, 0.001):0} /s); "
            + $"by status: {byStatus}; problem codes: {(codes.Length == 0 ? "none" : codes)}; "
            + $"latency p50 {P(0.5):0} ms, p95 {P(0.95):0} ms, max {(times.Count == 0 ? 0 : times[^1]):0} ms";
    }
}

public static class Bidding
{
    /// <summary>A valid bid on the market's clean-up tasks (they run for 60 days from a week after their deadline).</summary>
    public static object Body(long amountYen) => new
    {
        amountYen,
        proposal = "2人で清掃します。道具は持参します。",
        staffPlanned = 2,
        earliestStart = JapanTime.DateOf(DateTimeOffset.UtcNow).AddDays(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    public static Task<Answer> PlaceAsync(HttpClient http, Session group, int taskId, long amountYen = 18_000) =>
        Answer.SendAsync(http, group.Request(HttpMethod.Post, $"/api/tasks/{taskId}/bids", Body(amountYen)));
}
