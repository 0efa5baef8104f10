using Matchboard.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data.Provider;

/// <summary>
/// The context on SQLite: carries the SQLite migrations (Data/Migrations/Sqlite) and SQLite's own settings.
/// Code injects <see cref="MatchboardDbContext"/>, never this type.
/// </summary>
public sealed class SqliteMatchboardDbContext(DbContextOptions<SqliteMatchboardDbContext> options)
    : MatchboardDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // AUTOINCREMENT: a sequence number is never reused, so "after N" never skips a newer row.
        builder.Entity<Notification>().Property(n => n.Id).HasAnnotation("Sqlite:Autoincrement", true);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite cannot compare or order DateTimeOffset text; UTC ticks sort correctly everywhere.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
