using Matchboard.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data;

/// <summary>The contract's work: households, the schedule, reports and alerts (kept apart to merge cleanly).</summary>
public partial class MatchboardDbContext
{
    public DbSet<Household> Households => Set<Household>();

    public DbSet<PlannedVisit> PlannedVisits => Set<PlannedVisit>();

    public DbSet<VisitReport> VisitReports => Set<VisitReport>();

    public DbSet<VisitAlert> VisitAlerts => Set<VisitAlert>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(RowVersionInterceptor.Instance);
}
