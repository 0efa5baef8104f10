using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Matchboard.Web.Data.Audit;

/// <summary>
/// The save pipeline's audit step: before the save, every changed entity of an audited type is described
/// (<see cref="AuditDescribers"/>); after it, inside the same transaction, the entries are written. Services call
/// nothing: a change that is saved is logged, and one that rolls back leaves no entry.
/// </summary>
public static class AuditCapture
{
    public const string SystemActor = "system";

    public static List<AuditDraft> Describe(MatchboardDbContext db) =>
        db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .SelectMany(AuditDescribers.Describe)
            .ToList();

    /// <summary>The entries for the drafts, once the change is saved (ids assigned), in the order described.</summary>
    public static async Task<List<AuditEntry>> CompleteAsync(MatchboardDbContext db, List<AuditDraft> drafts, CancellationToken ct)
    {
        var now = AuditChain.Truncate(ClockOf(db).GetUtcNow());
        var actor = ActorOf(db);
        var entries = new List<AuditEntry>();
        foreach (var draft in drafts)
        {
            var summary = await draft.Summary(db, ct);
            var entityId = draft.EntityId();

            // Visits are counted: several visits of one contract in one save make one entry with their number.
            if (draft.Action.StartsWith("visit", StringComparison.Ordinal)
                && entries.FirstOrDefault(e => e.Action == draft.Action && e.EntityType == draft.EntityType && e.EntityId == entityId) is { } same)
            {
                var merged = JsonNode.Parse(same.Summary)!.AsObject();
                merged["count"] = (int)merged["count"]! + (int)summary["count"]!;
                same.Summary = JsonCanonicalizer.Canonicalize(merged);
                continue;
            }

            entries.Add(new AuditEntry
            {
                OccurredAt = now,
                Actor = actor,
                OrganizationId = draft.OrganizationId,
                Action = draft.Action,
                EntityType = draft.EntityType,
                EntityId = entityId,
                Summary = JsonCanonicalizer.Canonicalize(summary),
            });
        }

        return entries;
    }

    private static TimeProvider ClockOf(MatchboardDbContext db) =>
        TryGetService<TimeProvider>(db) ?? TimeProvider.System;

    /// <summary>The signed-in user behind the request, or <see cref="SystemActor"/> (sweeps, seeding, commands).</summary>
    private static string ActorOf(MatchboardDbContext db) =>
        TryGetService<IHttpContextAccessor>(db)?.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? SystemActor;

    /// <summary>An application service, through the context's application service provider (absent at design time).</summary>
    private static T? TryGetService<T>(MatchboardDbContext db) where T : class
    {
        try
        {
            return db.GetService<T>();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
