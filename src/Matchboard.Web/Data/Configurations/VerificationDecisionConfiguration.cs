using Matchboard.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

/// <summary>Every decision of city staff on a verification, kept for good (who, when, what, why).</summary>
public sealed class VerificationDecisionConfiguration : IEntityTypeConfiguration<VerificationDecision>
{
    public void Configure(EntityTypeBuilder<VerificationDecision> builder)
    {
        builder.ToTable("VerificationDecisions");
        builder.Property(d => d.Reason).HasMaxLength(VerificationDecision.ReasonMaxLength);
        builder.Property(d => d.DecidedByUserId).HasMaxLength(450).IsRequired();
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.OrganizationId, d.DecidedAt });
    }
}
