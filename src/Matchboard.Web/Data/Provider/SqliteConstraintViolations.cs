using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Matchboard.Web.Data.Provider;

/// <summary>SQLite's extended result codes for SQLITE_CONSTRAINT (19).</summary>
public sealed class SqliteConstraintViolations : IConstraintViolations
{
    public ConstraintKind? Classify(DbException error) => error is SqliteException sqlite
        ? sqlite.SqliteExtendedErrorCode switch
        {
            2067 or 1555 => ConstraintKind.Unique, // SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY
            787 => ConstraintKind.ForeignKey, // SQLITE_CONSTRAINT_FOREIGNKEY
            1299 => ConstraintKind.NotNull, // SQLITE_CONSTRAINT_NOTNULL
            275 => ConstraintKind.Check, // SQLITE_CONSTRAINT_CHECK
            _ => null,
        }
        : null;
}
