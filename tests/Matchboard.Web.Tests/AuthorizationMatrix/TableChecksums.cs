using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Matchboard.Web.Tests.AuthorizationMatrix;

/// <summary>
/// A hash of every row of every table of the app's SQLite database, read through a raw connection: if a refused
/// request wrote anything anywhere, some table's hash differs.
/// </summary>
public static class TableChecksums
{
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
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
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var reader = await select.ExecuteReaderAsync();
            var rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "\u2400" : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                    hash.AppendData(Encoding.UTF8.GetBytes(value + "\u001f"));
                }

                hash.AppendData("\u001e"u8);
            }

            sums[table] = $"{rows}:{Convert.ToHexString(hash.GetHashAndReset())[..16]}";
        }

        return sums;
    }

    /// <summary>The tables whose rows differ, e.g. "Bids (12:… → 13:…)"; empty when nothing changed.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys)
            .Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"{t} ({before.GetValueOrDefault(t, "-")} → {after.GetValueOrDefault(t, "-")})")
            .ToList();
}
