using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data.Audit;

/// <summary>The outcome of recomputing the chain: holds up to <see cref="Sequence"/>, or breaks first there.</summary>
public sealed record AuditVerification(bool Holds, long Sequence, string? Hash, long? EntryId, string? Problem);

/// <summary>
/// Recomputes every seal's hash from the entries, from the first on, and names the first entry whose stored hash
/// differs from the recomputed one (an edited entry, an edited seal, a missing sequence). The command line
/// (<c>audit verify</c>) and the city's endpoint both use it.
/// </summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(MatchboardDbContext db, CancellationToken ct)
    {
        var expectedSequence = 1L;
        var hash = AuditChain.Genesis;
        var rows = db.AuditSeals.AsNoTracking()
            .Join(db.AuditEntries.AsNoTracking(), s => s.EntryId, e => e.Id, (s, e) => new { Seal = s, Entry = e })
            .OrderBy(row => row.Seal.Sequence)
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (row.Seal.Sequence != expectedSequence)
            {
                return new AuditVerification(false, expectedSequence, null, null, $"sequence {expectedSequence} is missing");
            }

            var recomputed = AuditChain.Hash(hash, row.Seal.Sequence, row.Entry);
            if (!string.Equals(recomputed, row.Seal.Hash, StringComparison.Ordinal))
            {
                return new AuditVerification(false, row.Seal.Sequence, row.Seal.Hash, row.Entry.Id,
                    $"entry {row.Seal.Sequence} (id {row.Entry.Id}, {row.Entry.Action}) does not match its hash");
            }

            hash = recomputed;
            expectedSequence++;
        }

        return new AuditVerification(true, expectedSequence - 1, expectedSequence == 1 ? null : hash, null, null);
    }
}
