using System.Security.Cryptography;
using System.Text;
using Matchboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Infrastructure.Idempotency;

/// <summary>What a request with a key sent earlier answered: replayed as it was.</summary>
public sealed record StoredResponse(int StatusCode, string? Location, string? ContentType, string? Body);

public enum IdempotentOutcomeKind
{
    /// <summary>Ran now; its response (null when it failed and nothing was kept) is the one to send.</summary>
    Executed,

    /// <summary>The key was used before with the same request: answer with the stored response, change nothing.</summary>
    Replayed,

    /// <summary>The key was used before with a different request: refused, nothing changed.</summary>
    Mismatch,
}

public sealed record IdempotentOutcome(IdempotentOutcomeKind Kind, StoredResponse? Response);

/// <summary>
/// Runs a change at most once per user and key. The key row is claimed (inserted) as the first write of a
/// transaction that the change then joins (<see cref="RequestTransaction"/>), and completed with the response
/// before the commit: key and change commit together or not at all, in the shared database, so a retry on any
/// instance finds it. A concurrent duplicate blocks on the claimed key (the unique key, on every provider)
/// until the first commits, then finds the response and replays it; if the first failed, it runs itself.
/// Only successful responses are kept: a refused request changed nothing, so running its retry is safe.
/// </summary>
public sealed class IdempotentRequests(
    MatchboardDbContext db, RequestTransaction requestTransaction, IConstraintViolations violations, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public const int MaxKeyLength = 100;

    /// <summary>
    /// The scope of keys sent by people not signed in (sign-up forms and <c>POST /api/registrations</c>): keys are
    /// random, and what a sign-up answers is the same for everyone, so a shared scope reveals nothing.
    /// </summary>
    public const string AnonymousScope = "anonymous";

    /// <summary>A key is 1–100 visible ASCII characters (a UUID is the usual choice).</summary>
    public static bool IsValidKey(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= MaxKeyLength && key.All(c => c is > ' ' and <= '~');

    public static string Fingerprint(params string[] parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))));

    public async Task<IdempotentOutcome> RunAsync(
        string userId, string key, string fingerprint, Func<Task<StoredResponse?>> execute, CancellationToken ct)
    {
        if (await FindAsync(userId, key, ct) is { } earlier)
        {
            return Answer(earlier, fingerprint);
        }

        var now = clock.GetUtcNow();
        var expired = now - Lifetime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claim = new IdempotencyRecord { UserId = userId, Key = key, Fingerprint = fingerprint, CreatedAt = now };
        try
        {
            // A key past its 24 hours that the sweep has not removed yet is free again.
            await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key && r.CreatedAt < expired).ExecuteDeleteAsync(ct);
            db.IdempotencyRecords.Add(claim);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (violations.Classify(e) == ConstraintKind.Unique)
        {
            // Another request with this key held the claim and has committed (we waited on its lock).
            await transaction.RollbackAsync(CancellationToken.None);
            db.Entry(claim).State = EntityState.Detached;
            if (await FindAsync(userId, key, ct) is { } winner)
            {
                return Answer(winner, fingerprint);
            }

            throw;
        }

        db.Entry(claim).State = EntityState.Detached;
        requestTransaction.Open();
        StoredResponse? response;
        try
        {
            response = await execute();
        }
        catch
        {
            await RollBackAsync(transaction);
            throw;
        }

        if (response is null)
        {
            await RollBackAsync(transaction);
            return new IdempotentOutcome(IdempotentOutcomeKind.Executed, null);
        }

        try
        {
            // Set by statement, not through the change tracker: the change may have cleared the tracker (a retried save).
            await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key).ExecuteUpdateAsync(set => set
                .SetProperty(r => r.StatusCode, response.StatusCode)
                .SetProperty(r => r.Location, response.Location)
                .SetProperty(r => r.ContentType, response.ContentType)
                .SetProperty(r => r.Body, response.Body), ct);
            await transaction.CommitAsync(ct);
        }
        catch
        {
            await RollBackAsync(transaction);
            throw;
        }

        await requestTransaction.CommittedAsync();
        return new IdempotentOutcome(IdempotentOutcomeKind.Executed, response);
    }

    private async Task RollBackAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        requestTransaction.RolledBack();
        await transaction.RollbackAsync(CancellationToken.None);

        // What the change had tracked describes rows that are not there any more.
        db.ChangeTracker.Clear();
    }

    private Task<IdempotencyRecord?> FindAsync(string userId, string key, CancellationToken ct)
    {
        var expired = clock.GetUtcNow() - Lifetime;
        return db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key && r.CreatedAt >= expired, ct);
    }

    private static IdempotentOutcome Answer(IdempotencyRecord record, string fingerprint) =>
        record.Fingerprint == fingerprint
            ? new IdempotentOutcome(
                IdempotentOutcomeKind.Replayed, new StoredResponse(record.StatusCode, record.Location, record.ContentType, record.Body))
            : new IdempotentOutcome(IdempotentOutcomeKind.Mismatch, null);
}
