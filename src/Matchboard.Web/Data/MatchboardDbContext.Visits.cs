using Matchboard.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data;

/// <summary>The contract's work: households, the schedule, reports and alerts (their Version tokens move on in BumpVersions like every other).</summary>
public partial class MatchboardDbContext
{
    public DbSet<Household> Households => Set<Household>();

    public DbSet<PlannedVisit> PlannedVisits => Set<PlannedVisit>();

    public DbSet<VisitReport> VisitReports => Set<VisitReport>();

    public DbSet<VisitAlert> VisitAlerts => Set<VisitAlert>();
}
