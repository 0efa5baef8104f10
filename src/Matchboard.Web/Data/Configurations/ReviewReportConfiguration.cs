using Matchboard.Domain.Contracts;
using Matchboard.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class ReviewReportConfiguration : IEntityTypeConfiguration<ReviewReport>
{
    public void Configure(EntityTypeBuilder<ReviewReport> builder)
    {
        builder.ToTable("ReviewReports");
        builder.Property(r => r.Reason).HasMaxLength(ReviewReport.ReasonMaxLength).IsRequired();
        builder.Property(r => r.ReporterUserId).HasMaxLength(450).IsRequired();
        builder.HasOne<Review>().WithMany().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.ReporterOrganizationId).OnDelete(DeleteBehavior.Restrict);

        // One report per user and review, even if the same form is sent twice at once.
        builder.HasIndex(r => new { r.ReviewId, r.ReporterUserId }).IsUnique();
    }
}
