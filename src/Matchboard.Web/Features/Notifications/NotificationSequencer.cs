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
/// One statement per organization, an upsert that adds the count and returns the new last number:
/// <c>INSERT … VALUES (org, n) ON CONFLICT (org) DO UPDATE SET Last = Last + n RETURNING Last</c>. It creates the
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
    public static async Task NumberAsync(MatchboardDbContext db, IReadOnlyCollection<Notification> notifications, CancellationToken ct)
    {
        if (notifications.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Notifications are numbered inside the transaction that writes them.");
        foreach (var organization in notifications.GroupBy(n => n.OrganizationId).OrderBy(g => g.Key))
        {
            var batch = organization.ToList();
            var last = await AdvanceAsync(db, transaction, organization.Key, batch.Count, ct);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Number(last - batch.Count + 1 + i);
            }
        }
    }

    private static async Task<long> AdvanceAsync(
        MatchboardDbContext db, IDbContextTransaction transaction, int organizationId, int count, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = UpsertSql(db);
        Add(command, "@organization", organizationId);
        Add(command, "@count", (long)count);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Names come from the model and are quoted by the provider, so the same text runs on SQLite and PostgreSQL.</summary>
    private static string UpsertSql(MatchboardDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(NotificationCounter))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        var organization = sql.DelimitIdentifier(entity.FindProperty(nameof(NotificationCounter.OrganizationId))!.GetColumnName(table)!);
        var last = sql.DelimitIdentifier(entity.FindProperty(nameof(NotificationCounter.Last))!.GetColumnName(table)!);
        return $"""
            INSERT INTO {tableName} ({organization}, {last}) VALUES (@organization, @count)
            ON CONFLICT ({organization}) DO UPDATE SET {last} = {tableName}.{last} + excluded.{last}
            RETURNING {last}
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
