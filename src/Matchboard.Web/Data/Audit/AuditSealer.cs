using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data.Audit;

/// <summary>
/// Chains entries shortly after they commit: every interval (<c>Matchboard:Audit:SealInterval</c>, one second by
/// default; zero turns the timer off and tests call <see cref="SealAsync"/>) it appends a seal for each unsealed entry,
/// oldest first. Writers never wait on it: they only insert entries. One sealer at a time across instances: on
/// PostgreSQL under a transaction-scoped advisory lock, on SQLite in a write transaction; and the sequence is the
/// seals' primary key, so two sealers that somehow read the same head cannot both append.
/// </summary>
public sealed class AuditSealer(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<AuditSealer> logger) : BackgroundService
{
    public const string IntervalSetting = "Matchboard:Audit:SealInterval";

    /// <summary>The advisory lock's key on PostgreSQL (any constant the app uses for nothing else).</summary>
    private const long LockKey = 0x4D42_4155_4449_54; // "MBAUDIT"

    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue(IntervalSetting, TimeSpan.FromSeconds(1));
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await SealAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Another instance sealed meanwhile, or the database is away: the next tick tries again.
                logger.LogWarning(ex, "Sealing the audit log failed; retrying on the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Seals every entry committed so far; returns how many it sealed.</summary>
    public async Task<int> SealAsync(CancellationToken ct)
    {
        var sealedCount = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
            var count = await SealBatchAsync(db, ct);
            sealedCount += count;
            if (count < Batch)
            {
                return sealedCount;
            }
        }
    }

    private async Task<int> SealBatchAsync(MatchboardDbContext db, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
        }

        // On SQLite the transaction is already BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): it holds the
        // database's write lock from here, so no other sealer reads the head meanwhile.

        var head = await db.AuditSeals.AsNoTracking().OrderByDescending(s => s.Sequence)
            .Select(s => new { s.Sequence, s.Hash }).FirstOrDefaultAsync(ct);
        var unsealed = await db.AuditEntries.AsNoTracking()
            .Where(e => !db.AuditSeals.Any(s => s.EntryId == e.Id))
            .OrderBy(e => e.Id)
            .Take(Batch)
            .ToListAsync(ct);
        if (unsealed.Count == 0)
        {
            return 0;
        }

        var sequence = head?.Sequence ?? 0;
        var hash = head?.Hash ?? AuditChain.Genesis;
        var now = clock.GetUtcNow();
        foreach (var entry in unsealed)
        {
            sequence++;
            hash = AuditChain.Hash(hash, sequence, entry);
            db.AuditSeals.Add(new AuditSeal { Sequence = sequence, EntryId = entry.Id, Hash = hash, SealedAt = now });
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return unsealed.Count;
    }
}
