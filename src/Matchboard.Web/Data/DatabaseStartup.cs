using Matchboard.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data;

public static class DatabaseStartup
{
    /// <summary>
    /// Whether the demo marketplace (organizations, tasks and accounts that share a published password) is loaded:
    /// in Development by default; elsewhere only when <c>Matchboard:SeedDemo</c> asks for it (the tests do);
    /// in Production never, whatever the configuration says. Reference data (wards, categories) is code in the
    /// domain and needs no loading.
    /// </summary>
    public static bool SeedsDemo(IConfiguration configuration, IHostEnvironment environment) =>
        !environment.IsProduction() && configuration.GetValue("Matchboard:SeedDemo", environment.IsDevelopment());

    /// <summary>
    /// Applies the provider's migrations (on SQLite also turns on WAL), and loads the demo data into an empty
    /// database where it belongs.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        await db.Database.MigrateAsync();

        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one request writes; the setting is kept in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        if (SeedsDemo(app.Configuration, app.Environment))
        {
            var folder = app.Configuration["Matchboard:SeedDataPath"] ?? Path.Combine(AppContext.BaseDirectory, "seed-data");
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(folder, CancellationToken.None);
        }
    }
}
