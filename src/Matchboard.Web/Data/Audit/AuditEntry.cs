namespace Matchboard.Web.Data.Audit;

/// <summary>
/// One state change, written in the transaction of the change itself (see <see cref="AuditCapture"/>). Never updated
/// or deleted (database triggers refuse both); the sealer chains it afterwards by appending an <see cref="AuditSeal"/>.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    /// <summary>When the change was saved, to the whole millisecond (both providers store that exactly).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The signed-in user's id, or <c>system</c> for sweeps, seeding and commands.</summary>
    public string Actor { get; set; } = AuditCapture.SystemActor;

    /// <summary>The organization the changed thing belongs to (the task's association, the bid's group…).</summary>
    public int? OrganizationId { get; set; }

    /// <summary>Dotted lower-case words: <c>bid.placed</c>, <c>bids.opened</c>, <c>task.awarded</c>.</summary>
    public string Action { get; set; } = string.Empty;

    public string EntityType { get; set; } = string.Empty;

    public string EntityId { get; set; } = string.Empty;

    /// <summary>What changed, as RFC 8785 canonical JSON. Never a household, a report's contents or a sealed bid's amount.</summary>
    public string Summary { get; set; } = "{}";
}

/// <summary>
/// An entry's place in the chain: <c>Hash = SHA-256(previous Hash ‖ canonical entry)</c>. Appended by the one sealer;
/// never updated or deleted.
/// </summary>
public class AuditSeal
{
    public long Sequence { get; set; }

    public long EntryId { get; set; }

    /// <summary>Lower-case hex of the SHA-256.</summary>
    public string Hash { get; set; } = string.Empty;

    public DateTimeOffset SealedAt { get; set; }
}
