using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Matchboard.Web.Data.Provider;

/// <summary>
/// The context on PostgreSQL: carries the PostgreSQL migrations (Data/Migrations/Postgres). Instants are
/// <c>timestamptz</c>; lists are arrays (Npgsql's default for primitive collections).
/// Code injects <see cref="MatchboardDbContext"/>, never this type.
/// </summary>
public sealed class PostgresMatchboardDbContext(DbContextOptions<PostgresMatchboardDbContext> options)
    : MatchboardDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // timestamptz stores an instant, and Npgsql refuses to write a DateTimeOffset with a non-zero offset
        // (a deadline posted as 17:00+09:00). Every instant is written in UTC, as SQLite's ticks are; pages
        // show it in Japan time either way.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcOnWriteConverter>();
    }

    internal sealed class UtcOnWriteConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        value => value.ToUniversalTime(),
        value => value);
}
