using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>
/// A hash of every row of every table, read straight from the SQLite file: a refused request must leave each
/// of them as it was, whatever table the code under test happens to touch.
/// </summary>
public static class DatabaseChecksum
{
    public static Task<IReadOnlyDictionary<string, string>> OfEveryTableAsync(MatchboardFactory factory) =>
        OfEveryTableAsync(factory.ConnectionString);

    public static async Task<IReadOnlyDictionary<string, string>> OfEveryTableAsync(string connectionString)
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
            var rows = 0;
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "\u2400" : Convert.ToString(reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                    hash.AppendData(Encoding.UTF8.GetBytes(value + "\u001F"));
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
}
