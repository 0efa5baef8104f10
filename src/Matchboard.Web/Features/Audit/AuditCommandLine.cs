using Matchboard.Web.Data;
using Matchboard.Web.Data.Audit;

namespace Matchboard.Web.Features.Audit;

/// <summary>
/// <c>dotnet run --project src/Matchboard.Web -- audit verify</c>: recomputes the chain on the app's own database
/// (same configuration as the app) and exits 0 when it holds, 1 naming the first broken entry.
/// </summary>
public static class AuditCommandLine
{
    public const int Holds = 0;
    public const int Broken = 1;
    public const int UsageError = 64;

    public static bool IsAuditCommand(string[] args) => args is ["audit", ..];

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken ct)
    {
        var words = args.TakeWhile(a => !a.StartsWith('-')).ToArray();
        if (words is not ["audit", "verify"])
        {
            await output.WriteLineAsync("Usage: dotnet run --project src/Matchboard.Web -- audit verify");
            return UsageError;
        }

        // Read-only: it checks the sealed chain as it stands (the running app seals new entries within a second).
        await using var scope = services.CreateAsyncScope();
        var result = await AuditVerifier.VerifyAsync(scope.ServiceProvider.GetRequiredService<MatchboardDbContext>(), ct);
        if (result.Holds)
        {
            await output.WriteLineAsync($"The audit chain holds: {result.Sequence} entries, head {result.Hash ?? "(empty)"}.");
            return Holds;
        }

        await output.WriteLineAsync($"The audit chain is broken at sequence {result.Sequence}: {result.Problem}.");
        return Broken;
    }
}
