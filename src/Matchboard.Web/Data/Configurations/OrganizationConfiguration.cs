using Matchboard.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("Organizations");
        builder.Property(o => o.Name).HasMaxLength(200).IsRequired();
        // Two 「本町町内会」 in different wards are two associations; the same name twice in one ward is a mistake.
        builder.HasIndex(o => new { o.Name, o.Ward }).IsUnique();
        builder.Property(o => o.Ward).HasMaxLength(20).IsRequired();
        builder.Property(o => o.Town).HasMaxLength(40).IsRequired();
        builder.Property(o => o.Description).HasMaxLength(1000);
        builder.Property(o => o.Availability).HasMaxLength(Organization.AvailabilityMaxLength);
        builder.PrimitiveCollection(o => o.Categories).HasField("_categories");
        builder.PrimitiveCollection(o => o.WardsServed).HasField("_wardsServed");
        builder.OwnsOne(o => o.Certification, certification =>
        {
            certification.Property(c => c.Number).HasColumnName("CertificationNumber").HasMaxLength(60);
            certification.Property(c => c.Issued).HasColumnName("CertificationIssued");
            certification.Property(c => c.Expires).HasColumnName("CertificationExpires");
        });
        builder.Ignore(o => o.IsCivicGroup);
        builder.Ignore(o => o.IsSupporter);
    }
}
