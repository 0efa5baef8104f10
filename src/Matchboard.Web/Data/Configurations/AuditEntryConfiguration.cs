using Matchboard.Web.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

/// <summary>The audit log. Both tables are append-only: triggers in the migrations refuse UPDATE and DELETE.</summary>
public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(e => e.Actor).HasMaxLength(450).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(60).IsRequired();
        builder.Property(e => e.EntityType).HasMaxLength(40).IsRequired();
        builder.Property(e => e.EntityId).HasMaxLength(40).IsRequired();
        builder.Property(e => e.Summary).IsRequired();
        builder.HasIndex(e => e.Action);
        builder.HasIndex(e => e.OrganizationId);
        builder.HasIndex(e => e.OccurredAt);
    }
}

public sealed class AuditSealConfiguration : IEntityTypeConfiguration<AuditSeal>
{
    public void Configure(EntityTypeBuilder<AuditSeal> builder)
    {
        builder.ToTable("AuditSeals");
        builder.HasKey(s => s.Sequence);
        // Given by the sealer, never by the database: a second sealer that read the same head fails on the key.
        builder.Property(s => s.Sequence).ValueGeneratedNever();
        builder.Property(s => s.Hash).HasMaxLength(64).IsRequired();
        // An entry is sealed once.
        builder.HasIndex(s => s.EntryId).IsUnique();
        builder.HasOne<AuditEntry>().WithMany().HasForeignKey(s => s.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}
