using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Matchboard.Web.Data.Audit;

/// <summary>The chain's arithmetic, shared by the sealer and the verifier (one definition of an entry's hash).</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// The entry as RFC 8785 canonical JSON: sequence, time (UTC, milliseconds), actor, organization, action,
    /// entity and summary.
    /// </summary>
    public static string CanonicalEntry(long sequence, AuditEntry entry) =>
        JsonCanonicalizer.Canonicalize(new JsonObject
        {
            ["sequence"] = sequence,
            ["time"] = FormatTime(entry.OccurredAt),
            ["actor"] = entry.Actor,
            ["organization"] = entry.OrganizationId,
            ["action"] = entry.Action,
            ["entityType"] = entry.EntityType,
            ["entityId"] = entry.EntityId,
            ["summary"] = JsonNode.Parse(entry.Summary),
        });

    /// <summary>SHA-256 over the previous hash's 32 bytes followed by the canonical entry's UTF-8 bytes, as hex.</summary>
    public static string Hash(string previousHash, long sequence, AuditEntry entry)
    {
        var previous = Convert.FromHexString(previousHash);
        var canonical = Encoding.UTF8.GetBytes(CanonicalEntry(sequence, entry));
        return Convert.ToHexStringLower(SHA256.HashData([.. previous, .. canonical]));
    }

    public static string FormatTime(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Whole milliseconds: what both providers store exactly, so the hash reads back the same.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
