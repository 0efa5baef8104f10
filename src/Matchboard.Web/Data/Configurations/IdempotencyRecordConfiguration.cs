using Matchboard.Web.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyKeys");

        // Scoped per user: the key is unique only together with its user, and the claim's insert is what
        // makes a concurrent duplicate wait for the first request's commit.
        builder.HasKey(r => new { r.UserId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(IdempotentRequests.MaxKeyLength);
        builder.Property(r => r.Fingerprint).HasMaxLength(64);
        builder.Property(r => r.Location).HasMaxLength(2000);
        builder.Property(r => r.ContentType).HasMaxLength(200);
        // No foreign key to the users: a sign-up's key belongs to nobody yet (IdempotentRequests.AnonymousScope).
        // Keys live 24 hours and the sweep removes them, so a removed user's keys go on their own.
        builder.HasIndex(r => r.CreatedAt);
    }
}
