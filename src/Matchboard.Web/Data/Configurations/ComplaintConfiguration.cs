using Matchboard.Domain.Complaints;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ToTable("Complaints");

        // Two staff may answer one complaint at the same moment: the second write gets 409.
        builder.Property<int>(MatchboardDbContext.VersionProperty).IsConcurrencyToken();
        builder.Property(c => c.Text).HasMaxLength(Complaint.TextMaxLength).IsRequired();
        builder.Property(c => c.Answer).HasMaxLength(Complaint.AnswerMaxLength);
        builder.Property(c => c.FiledByUserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.AnsweredByUserId).HasMaxLength(450);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.FiledByOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CommunityTask>().WithMany().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contract>().WithMany().HasForeignKey(c => c.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Review>().WithMany().HasForeignKey(c => c.ReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.FiledByOrganizationId, c.FiledAt });
        builder.HasIndex(c => new { c.Status, c.FiledAt });
    }
}
