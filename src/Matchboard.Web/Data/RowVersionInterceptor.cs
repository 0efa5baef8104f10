using Matchboard.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Matchboard.Web.Data;

/// <summary>
/// Planned visits, alerts and households carry an application-managed <c>Version</c> (SQLite has no rowversion):
/// every save of a changed row moves it on, so two writers that read the same row cannot both save it — a second
/// sweeper instance escalating the same alert, or a report racing the missed-visit sweep, gets a concurrency failure.
/// </summary>
public sealed class RowVersionInterceptor : SaveChangesInterceptor
{
    public static readonly RowVersionInterceptor Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Bump(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Bump(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Entity is PlannedVisit or VisitAlert or Household)
            {
                var version = entry.Property(MatchboardDbContext.VersionProperty);
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }
}
