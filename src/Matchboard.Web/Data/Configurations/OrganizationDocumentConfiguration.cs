using Matchboard.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

/// <summary>What is known of a verification document; its bytes are in the documents folder under StorageName.</summary>
public sealed class OrganizationDocumentConfiguration : IEntityTypeConfiguration<OrganizationDocument>
{
    public void Configure(EntityTypeBuilder<OrganizationDocument> builder)
    {
        builder.ToTable("OrganizationDocuments");
        builder.Property(d => d.FileName).HasMaxLength(OrganizationDocument.FileNameMaxLength).IsRequired();
        builder.Property(d => d.StorageName).HasMaxLength(64).IsRequired();
        builder.Property(d => d.UploadedByUserId).HasMaxLength(450).IsRequired();
        builder.Ignore(d => d.ContentType);
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.StorageName).IsUnique();
        builder.HasIndex(d => new { d.OrganizationId, d.UploadedAt });
    }
}
