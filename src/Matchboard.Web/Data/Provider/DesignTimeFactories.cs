using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Matchboard.Web.Data.Provider;

// `dotnet ef migrations add` builds each provider's context here, without the app's configuration: adding a
// migration compares the model with the snapshot and never connects. See the README's developer section.

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMatchboardDbContext>
{
    public SqliteMatchboardDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteMatchboardDbContext>();
        MatchboardDatabase.UseSqlite(options, "Data Source=data/matchboard.db");
        return new SqliteMatchboardDbContext(options.Options);
    }
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMatchboardDbContext>
{
    public PostgresMatchboardDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresMatchboardDbContext>();
        MatchboardDatabase.UsePostgres(options, "Host=127.0.0.1;Database=matchboard_design");
        return new PostgresMatchboardDbContext(options.Options);
    }
}
