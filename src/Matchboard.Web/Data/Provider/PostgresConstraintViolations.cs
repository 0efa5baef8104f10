using System.Data.Common;
using Npgsql;

namespace Matchboard.Web.Data.Provider;

/// <summary>PostgreSQL's SQLSTATE codes of class 23, integrity constraint violation.</summary>
public sealed class PostgresConstraintViolations : IConstraintViolations
{
    public ConstraintKind? Classify(DbException error) => error is PostgresException postgres
        ? postgres.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation => ConstraintKind.Unique, // 23505
            PostgresErrorCodes.ForeignKeyViolation => ConstraintKind.ForeignKey, // 23503
            PostgresErrorCodes.NotNullViolation => ConstraintKind.NotNull, // 23502
            PostgresErrorCodes.CheckViolation => ConstraintKind.Check, // 23514
            _ => null,
        }
        : null;
}
