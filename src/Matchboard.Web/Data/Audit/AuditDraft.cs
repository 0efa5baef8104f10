using System.Text.Json.Nodes;

namespace Matchboard.Web.Data.Audit;

/// <summary>
/// An audit entry described before the save (when the original values are still known) and completed after it
/// (when inserted rows have their ids). <see cref="Summary"/> may read the database, inside the same transaction.
/// </summary>
public sealed record AuditDraft(
    string Action,
    string EntityType,
    Func<string> EntityId,
    int? OrganizationId,
    Func<MatchboardDbContext, CancellationToken, Task<JsonObject>> Summary)
{
    /// <summary>A draft whose summary reads only the entity (evaluated after the save).</summary>
    public static AuditDraft Of(string action, string entityType, Func<object> entityId, int? organizationId, Func<JsonObject> summary) =>
        new(action, entityType, () => Convert.ToString(entityId(), System.Globalization.CultureInfo.InvariantCulture)!, organizationId,
            (_, _) => Task.FromResult(summary()));
}
