using Matchboard.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");

        // The id only identifies the row: ids are given at insert, not at commit, so they say nothing about
        // order. The order clients follow is the per-organization sequence (NotificationCounter).
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedOnAdd();
        builder.Property(n => n.Title).HasMaxLength(200).IsRequired();
        builder.Property(n => n.Path).HasMaxLength(Notification.PathMaxLength);
        // No foreign key: a notification outlives the account of whoever caused it.
        builder.Property(n => n.ActorUserId).HasMaxLength(450);
        builder.HasOne<Matchboard.Domain.Organizations.Organization>().WithMany()
            .HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Cascade);

        // One number per place: a second writer that somehow got the same number fails instead of hiding a row.
        builder.HasIndex(n => new { n.OrganizationId, n.Sequence }).IsUnique();
    }
}
