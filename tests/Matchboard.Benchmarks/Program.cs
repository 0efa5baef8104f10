using System.Globalization;
using Matchboard.Benchmarks;
using Matchboard.Domain.Matching;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

// The matching benchmark (issue 12, "Scale and speed"): generates a SQLite file, times the three matching queries
// against their floors in the same run, prints one table. `--smoke` does the same on tiny data in seconds (CI).
// Usage: dotnet run -c Release --project tests/Matchboard.Benchmarks [-- --smoke] [--tasks N] [--groups N]
//        [--iterations N] [--warmup N] [--db FILE] [--keep] [--history]

if (args.Contains("--hold")) return await AppConnections.HoldAsync(args); // a client process of the idle-connections test
if (args.Contains("--app")) return await AppBenchmark.RunAsync(args); // issue 13: the app over HTTP (AppBenchmark.cs)

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = BenchmarkOptions.Parse(args);
var now = DateTimeOffset.UtcNow;
const double RatioTarget = 1.5;
const double AbsoluteTargetMs = 50;

Console.WriteLine($"Matchboard matching benchmark{(options.Smoke ? " (smoke: tiny data, timings mean nothing)" : "")}");
Console.WriteLine($"  {options.Tasks:N0} open tasks, {options.Groups:N0} civic groups, {options.Associations:N0} associations" +
    (options.History ? " (with a history: a third insured, a quarter with 1–4 earlier contracts, half of those reviewed)" : "") + "; " +
    $"{options.WarmUp} warm-up + {options.Iterations} timed calls per figure and floor");
Console.WriteLine($"  {Environment.ProcessorCount} cores, .NET {Environment.Version}, {Environment.OSVersion}");

var generated = await DataGenerator.GenerateAsync(options, now);
Console.WriteLine($"  data generated in {generated.TotalSeconds:F1} s: {options.DatabaseFile}");

// Subjects: a fixed, seeded sample of verified civic groups and open tasks, taken in turn.
var random = new Random(options.Seed);
List<(int Id, IReadOnlyList<string> Categories, IReadOnlyList<string> Wards)> groups;
List<(int Id, IReadOnlyList<string> Categories, IReadOnlyList<string> Wards)> tasks;
var queries = new ScorerQueries();
var reference = queries.Reference;
await using (var db = BenchmarkDatabase.Open(options.DatabaseFile))
{
    var groupRows = await db.Organizations.AsNoTracking()
        .Where(o => o.Kind == OrganizationKind.CivicGroup && o.IsVerified)
        .Select(o => new { o.Id, o.Categories, o.WardsServed })
        .ToListAsync();
    // The candidate rule (related categories, neighbouring wards), worked out before timing for the floors.
    groups = groupRows.OrderBy(_ => random.Next()).Take(100)
        .Select(o => (o.Id,
            (IReadOnlyList<string>)MatchScoring.CandidateCategories(o.Categories, reference).ToList(),
            (IReadOnlyList<string>)MatchScoring.CandidateWards(o.WardsServed, reference).ToList()))
        .ToList();
    var taskRows = await db.Tasks.AsNoTracking()
        .Where(t => t.Status == CommunityTaskStatus.Open)
        .Select(t => new { t.Id, t.Category, t.Ward })
        .ToListAsync();
    tasks = taskRows.OrderBy(_ => random.Next()).Take(100)
        .Select(t => (t.Id,
            (IReadOnlyList<string>)MatchScoring.CandidateCategories([t.Category], reference).ToList(),
            (IReadOnlyList<string>)MatchScoring.CandidateWards([t.Ward], reference).ToList()))
        .ToList();
}

var floors = new Floors();
var ct = CancellationToken.None;
Console.WriteLine($"  queries under test: {queries.Name}");
Console.WriteLine();

var rows = new List<(string Name, string FloorName, Measurement Figure, Measurement Floor)>();

var (figure, floor) = await Harness.MeasureAsync(options.DatabaseFile, groups,
    (db, g) => queries.TasksForGroupAsync(db, g.Id, now, ct),
    (db, g) => floors.TaskKindsAndPageAsync(db, g.Categories, g.Wards, now, ct),
    options.WarmUp, options.Iterations);
rows.Add(("Ranked tasks for one group (page 1 with reasons)", "its candidate tasks counted by kind + 20 of them", figure, floor));
var wholeList = await Harness.MeasureAsync(options.DatabaseFile, groups,
    (db, g) => queries.TasksForGroupAsync(db, g.Id, now, ct),
    (db, g) => floors.TasksInAsync(db, g.Categories, g.Wards, now, ct),
    options.WarmUp, options.Iterations);

(figure, floor) = await Harness.MeasureAsync(options.DatabaseFile, tasks,
    (db, t) => queries.GroupsForTaskAsync(db, t.Id, now, ct),
    (db, t) => floors.GroupsServingAsync(db, t.Categories, t.Wards, ct),
    options.WarmUp, options.Iterations);
rows.Add(("Ranked groups for one task", "verified groups in its candidate categories × wards", figure, floor));

(figure, floor) = await Harness.MeasureAsync(options.DatabaseFile, tasks,
    (db, t) => queries.FanOutForNewTaskAsync(db, t.Id, now, ct),
    (db, t) => floors.GroupsServingAsync(db, t.Categories, t.Wards, ct),
    options.WarmUp, options.Iterations);
rows.Add(("TaskPosted fan-out list for one new task", "verified groups in its candidate categories × wards", figure, floor));

// One table (Markdown, so that it pastes into the README as it is).
Console.WriteLine("| Query | p50 ms | p99 ms | Floor | Floor p50 ms | Floor p99 ms | Ratio (p50) | Target ≤ 1.5× | p99 ≤ 50 ms |");
Console.WriteLine("|---|---:|---:|---|---:|---:|---:|---|---|");
var broken = false;
foreach (var row in rows)
{
    var ratio = row.Figure.P50Ms / row.Floor.P50Ms;
    Console.WriteLine($"| {row.Name} | {row.Figure.P50Ms:F2} | {row.Figure.P99Ms:F2} | {row.FloorName} | " +
        $"{row.Floor.P50Ms:F2} | {row.Floor.P99Ms:F2} | {ratio:F2}× | {(ratio <= RatioTarget ? "met" : "missed")} | " +
        $"{(row.Figure.P99Ms <= AbsoluteTargetMs ? "met" : "missed")} |");
    // A query that found nothing measured nothing: the data or the query is broken (this is what --smoke guards).
    broken |= row.Figure.Rows == 0 || row.Floor.Rows == 0 || row.Floor.Rows < row.Figure.Rows;
}

Console.WriteLine();
Console.WriteLine("Ratio = figure p50 / floor p50, both measured in this run; the absolute target is on the figure's p99.");
Console.WriteLine($"For comparison, fetching every candidate row of a group (the floor before its list was ranked by kind): " +
    $"p50 {wholeList.Floor.P50Ms:F2} ms, p99 {wholeList.Floor.P99Ms:F2} ms (ranked tasks for one group alongside: p50 {wholeList.Figure.P50Ms:F2} ms, p99 {wholeList.Figure.P99Ms:F2} ms).");
if (!args.Contains("--keep"))
{
    foreach (var file in new[] { options.DatabaseFile, options.DatabaseFile + "-wal", options.DatabaseFile + "-shm" })
    {
        File.Delete(file);
    }
}

if (broken)
{
    Console.Error.WriteLine("A query or its floor returned no rows (or the floor fewer than the query): the benchmark measured nothing.");
    return 1;
}

return 0;
