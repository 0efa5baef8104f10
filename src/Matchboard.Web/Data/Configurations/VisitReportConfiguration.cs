using Matchboard.Domain.Contracts;
using Matchboard.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class VisitReportConfiguration : IEntityTypeConfiguration<VisitReport>
{
    public void Configure(EntityTypeBuilder<VisitReport> builder)
    {
        builder.ToTable("VisitReports");
        builder.Ignore(r => r.Checklist);
        builder.Property(r => r.VisitorName).HasMaxLength(VisitReport.VisitorMaxLength).IsRequired();
        builder.Property(r => r.Note).HasMaxLength(VisitReport.NoteMaxLength);
        builder.Property(r => r.FiledByUserId).HasMaxLength(450);
        builder.HasOne<Contract>().WithMany().HasForeignKey(r => r.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PlannedVisit>().WithMany().HasForeignKey(r => r.PlannedVisitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<VisitReport>().WithMany().HasForeignKey(r => r.CorrectsReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ContractId, r.HouseholdId, r.VisitedAt });
    }
}
