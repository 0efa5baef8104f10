using Matchboard.Domain.Contracts;
using Matchboard.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class PlannedVisitConfiguration : IEntityTypeConfiguration<PlannedVisit>
{
    public void Configure(EntityTypeBuilder<PlannedVisit> builder)
    {
        builder.ToTable("PlannedVisits");
        builder.Property<int>(MatchboardDbContext.VersionProperty).IsConcurrencyToken();
        builder.HasOne<Contract>().WithMany().HasForeignKey(v => v.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(v => v.HouseholdId).OnDelete(DeleteBehavior.Restrict);

        // One visit per household and day as planned, so a repeated activation cannot double the schedule.
        builder.HasIndex(v => new { v.ContractId, v.HouseholdId, v.OriginalDate }).IsUnique();

        // The missed-visit sweep looks for unreported visits whose day is over.
        builder.HasIndex(v => new { v.Status, v.ReportCount, v.Date });
    }
}
