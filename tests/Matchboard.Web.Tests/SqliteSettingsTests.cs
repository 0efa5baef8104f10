using Matchboard.Web.Data;
using Matchboard.Web.Data.Provider;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// What only SQLite needs, checked on SQLite whichever provider the rest of the run uses.
/// </summary>
public sealed class SqliteSettingsTests(SqliteSettingsTests.SqliteFactory factory) : IClassFixture<SqliteSettingsTests.SqliteFactory>
{
    public sealed class SqliteFactory : MatchboardFactory
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    [Fact]
    public async Task TheDatabaseRunsInWalMode()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();

        var mode = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();

        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task AWriterWaitsForTheWriteLockInSqliteItselfNotInA150MillisecondRetry()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();

        var timeout = await db.Database.SqlQueryRaw<int>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync();

        Assert.Equal(SqliteBusyTimeout.Milliseconds, timeout);
    }
}
