using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Matchboard.Web.Data.Provider;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>
/// A hash of every row of every table, read straight from the factory's database (SQLite or PostgreSQL): a refused
/// request must leave each of them as it was, whatever table the code under test happens to touch.
/// </summary>
public static class DatabaseChecksum
{
    public static async Task<IReadOnlyDictionary<string, string>> OfEveryTableAsync(MatchboardFactory factory)
    {
        var postgres = factory.Provider == DatabaseProvider.Postgres;
        await using DbConnection connection = postgres
            ? new NpgsqlConnection(factory.ConnectionString)
            : new SqliteConnection(factory.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var sums = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var rows = 0;
            await using var select = connection.CreateCommand();

            // PostgreSQL has no rowid and no stable order of its own: order by every column, the key among them.
            select.CommandText = postgres
                ? $"SELECT * FROM \"{table}\" ORDER BY {string.Join(", ", Enumerable.Range(1, await ColumnCountAsync(connection, table)))}"
                : $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes(Text(reader.IsDBNull(i) ? null : reader.GetValue(i)) + "\u001F"));
                }

                hash.AppendData("\u001E"u8);
            }

            sums[table] = $"{rows}:{Convert.ToHexString(hash.GetHashAndReset())[..16]}";
        }

        return sums;
    }

    /// <summary>The tables whose checksum differs, for an assertion message that says where the write went.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys)
            .Where(t => !before.TryGetValue(t, out var b) || !after.TryGetValue(t, out var a) || a != b)
            .Select(t => $"{t} {before.GetValueOrDefault(t)} -> {after.GetValueOrDefault(t)}")
            .ToList();

    private static string Text(object? value) => value switch
    {
        null => "\u2400",
        byte[] bytes => Convert.ToHexString(bytes),
        DateTime instant => instant.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items and not string => "[" + string.Join(",", items.Cast<object?>().Select(Text)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static async Task<int> ColumnCountAsync(DbConnection connection, string table)
    {
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}'";
        return Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
