using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data.Provider;

/// <summary>
/// Registers <see cref="MatchboardDbContext"/> on the provider named by <c>Database:Provider</c> (<c>Sqlite</c>, the
/// default, or <c>Postgres</c>) with <c>ConnectionStrings:Matchboard</c>, and the provider's reading of
/// constraint violations. Everything else injects <see cref="MatchboardDbContext"/> and stays provider-neutral.
/// </summary>
public static class MatchboardDatabase
{
    public const string ProviderKey = "Database:Provider";

    public const string ConnectionStringName = "Matchboard";

    public static DatabaseProvider ProviderOf(IConfiguration configuration)
    {
        var name = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(name))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"{ProviderKey} must be Sqlite or Postgres, not '{name}'.");
    }

    public static IServiceCollection AddMatchboardDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        switch (ProviderOf(configuration))
        {
            case DatabaseProvider.Postgres:
                var connectionString = configuration.GetConnectionString(ConnectionStringName)
                    ?? throw new InvalidOperationException(
                        $"{ProviderKey}=Postgres needs ConnectionStrings:{ConnectionStringName} (e.g. \"Host=127.0.0.1;Database=matchboard;Username=matchboard;Password=…\").");
                services.AddDbContext<MatchboardDbContext, PostgresMatchboardDbContext>((sp, options) => WithInterceptors(sp, options, o => UsePostgres(o, connectionString)));
                services.AddSingleton<IConstraintViolations, PostgresConstraintViolations>();
                break;
            default:
                var file = ResolveSqliteConnectionString(configuration.GetConnectionString(ConnectionStringName), contentRoot);
                // One queue per app (per database file): SQLite's writers take their turns in order (SqliteWriterQueue).
                var writers = new SqliteWriterQueue();
                services.AddDbContext<MatchboardDbContext, SqliteMatchboardDbContext>((sp, options) =>
                    WithInterceptors(sp, options, o => UseSqlite(o, file).AddInterceptors(writers)));
                services.AddSingleton<IConstraintViolations, SqliteConstraintViolations>();
                break;
        }

        return services;
    }

    /// <summary>The app's interceptors registered in DI (e.g. the board cache's eviction after a task changes).</summary>
    private static void WithInterceptors(IServiceProvider services, DbContextOptionsBuilder options, Action<DbContextOptionsBuilder> provider)
    {
        provider(options);
        options.AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
    }

    /// <summary>
    /// Saves at most this many rows per command. Microsoft.Data.Sqlite binds a command's parameters statement by
    /// statement, looking every parameter of the whole command up for each statement, so one command for a new task's
    /// thousand TaskPosted rows (13 parameters each) cost time in the square of its size: most of a publish. SQLite
    /// runs in process, so several small commands cost next to nothing more.
    /// </summary>
    internal const int SqliteMaxBatchSize = 32;

    internal static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MaxBatchSize(SqliteMaxBatchSize)).AddInterceptors(BusyTimeout);

    private static readonly SqliteBusyTimeout BusyTimeout = new();

    internal static void UsePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    /// <summary>
    /// The SQLite connection string, with a relative database file resolved against the content root, so that
    /// the app finds the same database whichever folder it is started from.
    /// </summary>
    public static string ResolveSqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=data/matchboard.db");
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(file, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }
}
