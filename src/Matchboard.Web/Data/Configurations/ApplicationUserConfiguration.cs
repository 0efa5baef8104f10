using Matchboard.Domain.Organizations;
using Matchboard.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100);

        // Identity checks RequireUniqueEmail by reading first; two sign-ups at once pass that check together, so
        // the database holds the rule too (Identity's own EmailIndex is not unique).
        builder.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();

        // Stored by name, so that a new notification type inserted into the enum never shifts anyone's choice.
        builder.PrimitiveCollection(u => u.EmailNotifications).ElementType(e => e.HasConversion<string>());
        builder.Ignore(u => u.IsActive);
        builder.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
