using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Matchboard.Benchmarks;

/// <summary>Rows written straight into the benchmark's SQLite file (EF's change tracker is far too slow for a city).</summary>
public static class SqliteRows
{
    /// <summary>Runs one INSERT in <paramref name="transaction"/> and gives the id of the row it inserted.</summary>
    public static long Insert(this SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(transaction, sql + "; SELECT last_insert_rowid();", parameters);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs one statement that inserts nothing (an UPDATE) in <paramref name="transaction"/>.</summary>
    public static void Execute(this SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteTransaction transaction, string sql, (string Name, object Value)[] parameters)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    /// <summary>A date column as the app stores it.</summary>
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
