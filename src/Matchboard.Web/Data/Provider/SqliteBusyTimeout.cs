using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Matchboard.Web.Data.Provider;

/// <summary>
/// Sets SQLite's own busy timeout on every connection the app opens. Without it, a writer that finds the write lock
/// taken (<c>BEGIN IMMEDIATE</c> while another request commits) gets SQLITE_BUSY at once and Microsoft.Data.Sqlite
/// retries it after sleeping 150 ms, so under concurrent writes a request waiting a millisecond for the lock waited
/// 150 (issue 13: the p99 of bids and of the bare insert floor sat just above 150 ms). SQLite's handler waits in steps
/// of a few milliseconds and takes the lock soon after it is released.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public const int Milliseconds = 30_000;

    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
