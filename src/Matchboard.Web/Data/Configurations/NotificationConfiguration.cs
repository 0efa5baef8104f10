using Matchboard.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Sequence);

        // On SQLite also AUTOINCREMENT (SqliteMatchboardDbContext): a sequence number is never reused.
        builder.Property(n => n.Sequence).ValueGeneratedOnAdd();
        builder.Property(n => n.Title).HasMaxLength(200).IsRequired();
        // No foreign key: a notification outlives the account of whoever caused it.
        builder.Property(n => n.ActorUserId).HasMaxLength(450);
        builder.HasOne<Matchboard.Domain.Organizations.Organization>().WithMany()
            .HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.OrganizationId, n.Sequence });
    }
}
