using Matchboard.Domain.Organizations;
using Matchboard.Domain.Support;
using Matchboard.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class SupportRequestConfiguration : IEntityTypeConfiguration<SupportRequest>
{
    public void Configure(EntityTypeBuilder<SupportRequest> builder)
    {
        builder.ToTable("SupportRequests");
        builder.Property(r => r.Message).HasMaxLength(SupportRequest.MessageMaxLength);
        builder.Property<int>(MatchboardDbContext.VersionProperty).IsConcurrencyToken();
        builder.Ignore(r => r.IsOpen);
        builder.Ignore(r => r.RevealsSupporter);
        builder.HasOne<CommunityTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.AssociationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.SupporterId).OnDelete(DeleteBehavior.Restrict);

        // One open request per supporter and task, even if two requests race past the service's check.
        builder.HasIndex(r => new { r.TaskId, r.SupporterId })
            .IsUnique()
            .HasFilter($"\"Status\" = '{nameof(SupportRequestStatus.Open)}'")
            .HasDatabaseName("IX_SupportRequests_OneOpenPerSupporterAndTask");
        builder.HasIndex(r => r.SupporterId);
        builder.HasIndex(r => r.AssociationId);
    }
}
