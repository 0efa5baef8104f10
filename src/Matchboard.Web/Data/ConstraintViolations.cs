using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data;

/// <summary>Which kind of database constraint a write broke, whatever the provider.</summary>
public enum ConstraintKind
{
    /// <summary>A unique index or key: the row exists already (two requests made it at once).</summary>
    Unique,

    /// <summary>A foreign key: what the row refers to is gone (removed meanwhile), or still referred to.</summary>
    ForeignKey,

    /// <summary>A NOT NULL column left empty: a bug in our code, never the user's input.</summary>
    NotNull,

    /// <summary>A CHECK constraint.</summary>
    Check,
}

/// <summary>
/// Reads a provider's error for the kind of constraint it reports. One implementation per provider, registered
/// with the provider (see <see cref="Provider.MatchboardDatabase"/>), so that no code outside the provider's own
/// knows its exception types or codes.
/// </summary>
public interface IConstraintViolations
{
    /// <summary>The kind of constraint violation <paramref name="error"/> reports, or null when it is none.</summary>
    ConstraintKind? Classify(DbException error);
}

public static class ConstraintViolationsExtensions
{
    /// <summary>The kind of constraint a failed save broke, or null when it failed for another reason.</summary>
    public static ConstraintKind? Classify(this IConstraintViolations violations, DbUpdateException exception) =>
        exception.InnerException is DbException error ? violations.Classify(error) : null;
}
