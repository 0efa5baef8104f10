using System.Data.Common;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Matchboard.Web.Features.Notifications;

/// <summary>
/// Numbers notifications inside the transaction that writes them, from each organization's counter row.
/// <para>
/// An upsert per organization that adds the count and returns the new last number, up to 500 organizations in one
/// statement (a new task notifies a thousand): <c>INSERT … VALUES (org, n), … ON CONFLICT (org) DO UPDATE SET
/// Last = Last + n RETURNING org, Last</c>. It creates the
/// counter the first time (organizations made by the seed, the admin command or a test need no extra step, and
/// two first writers cannot both insert: the loser's insert becomes the update) and otherwise locks the row until
/// the transaction ends. So the next writer for that organization waits for this commit (or rollback, which
/// takes the numbers back with it): sequences follow commit order and have no gaps, on SQLite (one writer at a
/// time) and on PostgreSQL (row lock) alike. A write that notifies several organizations takes their counters in
/// organization-id order, so two such writes cannot wait on each other in a circle.
/// </para>
/// </summary>
public static class NotificationSequencer
{
    /// <summary>Organizations per statement: two parameters each, far below either provider's limit.</summary>
    private const int OrganizationsPerStatement = 500;

    public static async Task NumberAsync(MatchboardDbContext db, IReadOnlyCollection<Notification> notifications, CancellationToken ct)
    {
        if (notifications.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Notifications are numbered inside the transaction that writes them.");
        var organizations = notifications.GroupBy(n => n.OrganizationId).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        // Many organizations (a new task's audience) share one statement: its rows are upserted in the order listed,
        // organization id order, so the counters are still taken in that order.
        foreach (var chunk in organizations.Chunk(OrganizationsPerStatement))
        {
            var last = await AdvanceAsync(db, transaction, chunk, ct);
            foreach (var batch in chunk)
            {
                var end = last[batch[0].OrganizationId];
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Number(end - batch.Count + 1 + i);
                }
            }
        }
    }

    private static async Task<Dictionary<int, long>> AdvanceAsync(
        MatchboardDbContext db, IDbContextTransaction transaction, IReadOnlyList<List<Notification>> organizations, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = UpsertSql(db, organizations.Count);
        for (var i = 0; i < organizations.Count; i++)
        {
            Add(command, $"@o{i}", organizations[i][0].OrganizationId);
            Add(command, $"@c{i}", (long)organizations[i].Count);
        }

        var last = new Dictionary<int, long>(organizations.Count);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                last[Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)] =
                    Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        if (last.Count != organizations.Count)
        {
            throw new InvalidOperationException($"Numbering {organizations.Count} organizations returned {last.Count} counters.");
        }

        return last;
    }

    /// <summary>Names come from the model and are quoted by the provider, so the same text runs on SQLite and PostgreSQL.</summary>
    private static string UpsertSql(MatchboardDbContext db, int organizations)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(NotificationCounter))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        var organization = sql.DelimitIdentifier(entity.FindProperty(nameof(NotificationCounter.OrganizationId))!.GetColumnName(table)!);
        var last = sql.DelimitIdentifier(entity.FindProperty(nameof(NotificationCounter.Last))!.GetColumnName(table)!);
        var values = string.Join(", ", Enumerable.Range(0, organizations).Select(i => $"(@o{i}, @c{i})"));
        return $"""
            INSERT INTO {tableName} ({organization}, {last}) VALUES {values}
            ON CONFLICT ({organization}) DO UPDATE SET {last} = {tableName}.{last} + excluded.{last}
            RETURNING {organization}, {last}
            """;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
