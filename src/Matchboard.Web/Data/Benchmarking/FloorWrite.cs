namespace Matchboard.Web.Data.Benchmarking;

/// <summary>
/// One row written by the benchmark's insert floor (<c>POST /_floors/insert</c>, only with
/// <c>Matchboard:Benchmark:Floors=true</c>): the smallest audited change there is, so that the floor pays what a bid
/// pays for its write path (idempotency key, audit entry, numbered notification) and nothing for its rules.
/// </summary>
public sealed class FloorWrite
{
    public const int NoteMaxLength = 100;

    public long Id { get; private set; }

    public int OrganizationId { get; private set; }

    public DateTimeOffset WrittenAt { get; private set; }

    public string Note { get; private set; } = string.Empty;

    public static FloorWrite Of(int organizationId, string note, DateTimeOffset now) =>
        new() { OrganizationId = organizationId, Note = note.Length > NoteMaxLength ? note[..NoteMaxLength] : note, WrittenAt = now };
}
