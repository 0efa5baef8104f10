using System.Data.Common;
using Matchboard.Web.Data.Provider;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Matchboard.Web.Tests.Team;

/// <summary>The invitation rows as stored, straight from the database, to look for a token in them.</summary>
public static class DatabaseDump
{
    public static async Task<IReadOnlyList<string>> InvitationsAsync(MatchboardFactory factory)
    {
        await using DbConnection connection = factory.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(factory.ConnectionString)
            : new SqliteConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT * FROM \"Invitations\"";
        await using var reader = await select.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i)))));
        }

        return rows;
    }
}
