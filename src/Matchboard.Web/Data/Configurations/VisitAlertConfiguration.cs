using Matchboard.Domain.Contracts;
using Matchboard.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class VisitAlertConfiguration : IEntityTypeConfiguration<VisitAlert>
{
    public void Configure(EntityTypeBuilder<VisitAlert> builder)
    {
        builder.ToTable("VisitAlerts");
        builder.Property(a => a.AcknowledgementNote).HasMaxLength(VisitAlert.NoteMaxLength);
        builder.Property(a => a.AcknowledgedByUserId).HasMaxLength(450);
        builder.Property<int>(MatchboardDbContext.VersionProperty).IsConcurrencyToken();
        builder.HasOne<Contract>().WithMany().HasForeignKey(a => a.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(a => a.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PlannedVisit>().WithMany().HasForeignKey(a => a.PlannedVisitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Report).WithMany().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Restrict);

        // The escalation sweep looks for open urgent alerts not yet escalated.
        builder.HasIndex(a => new { a.Severity, a.AcknowledgedAt, a.EscalatedAt, a.RaisedAt });
        builder.HasIndex(a => a.ContractId);
    }
}
