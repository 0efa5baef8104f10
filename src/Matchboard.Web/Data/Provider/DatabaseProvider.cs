namespace Matchboard.Web.Data.Provider;

/// <summary>The database engines Matchboard runs on, chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded SQLite: the default, what <c>dotnet run</c> uses with no other service.</summary>
    Sqlite,

    /// <summary>PostgreSQL (Npgsql), for several instances on one shared database.</summary>
    Postgres,
}
