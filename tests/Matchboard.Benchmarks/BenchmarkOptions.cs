namespace Matchboard.Benchmarks;

/// <summary>The command line: sizes of the generated data set and of the timing run.</summary>
/// <param name="History">
/// <c>--history</c>: a city some years in (insurance declared, earlier contracts and reviews: <see cref="DataGenerator"/>);
/// without it every group is new to the platform, as the tables before it were measured.
/// </param>
public sealed record BenchmarkOptions(
    bool Smoke, int Tasks, int Groups, int Associations, int WarmUp, int Iterations, string DatabaseFile, int Seed, bool History)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var smoke = args.Contains("--smoke");
        int Int(string name, int full, int tiny)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : smoke ? tiny : full;
        }

        string Text(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }

        var tasks = Int("--tasks", 100_000, 500);
        var groups = Int("--groups", 10_000, 100);
        return new BenchmarkOptions(
            smoke,
            tasks,
            groups,
            Associations: Int("--associations", 1_000, 20),
            WarmUp: Int("--warmup", 20, 3),
            Iterations: Int("--iterations", 100, 10),
            DatabaseFile: Text("--db", Path.Combine(Path.GetTempPath(), $"matchboard-bench-{tasks}-{groups}-{Environment.ProcessId}.db")),
            Seed: Int("--seed", 12, 12),
            History: args.Contains("--history"));
    }
}
