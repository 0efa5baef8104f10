using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

/// <summary>One row per organization; written only by NotificationSequencer's single upsert statement.</summary>
public sealed class NotificationCounterConfiguration : IEntityTypeConfiguration<NotificationCounter>
{
    public void Configure(EntityTypeBuilder<NotificationCounter> builder)
    {
        builder.ToTable("NotificationCounters");
        builder.HasKey(c => c.OrganizationId);
        builder.Property(c => c.OrganizationId).ValueGeneratedNever();
        builder.HasOne<Organization>().WithOne().HasForeignKey<NotificationCounter>(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
