using Matchboard.Web.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data;

public static class DatabaseStartup
{
    public const string ConnectionStringName = "Matchboard";

    /// <summary>
    /// The connection string, with a relative database file resolved against the content root, so that
    /// the app finds the same database whichever folder it is started from.
    /// </summary>
    public static string ResolveConnectionString(IConfiguration configuration, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            configuration.GetConnectionString(ConnectionStringName) ?? "Data Source=data/matchboard.db");
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(file, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Whether the demo marketplace (organizations, tasks and accounts that share a published password) is loaded:
    /// in Development by default; elsewhere only when <c>Matchboard:SeedDemo</c> asks for it (the tests do);
    /// in Production never, whatever the configuration says. Reference data (wards, categories) is code in the
    /// domain and needs no loading.
    /// </summary>
    public static bool SeedsDemo(IConfiguration configuration, IHostEnvironment environment) =>
        !environment.IsProduction() && configuration.GetValue("Matchboard:SeedDemo", environment.IsDevelopment());

    /// <summary>Applies migrations, turns on WAL, and loads the demo data into an empty database where it belongs.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        await db.Database.MigrateAsync();

        // WAL lets readers go on while one request writes; the setting is kept in the database file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");

        if (SeedsDemo(app.Configuration, app.Environment))
        {
            var folder = app.Configuration["Matchboard:SeedDataPath"] ?? Path.Combine(AppContext.BaseDirectory, "seed-data");
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(folder, CancellationToken.None);
        }
    }
}
