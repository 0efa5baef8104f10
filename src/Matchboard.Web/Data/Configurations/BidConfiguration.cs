using Matchboard.Domain.Bids;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class BidConfiguration : IEntityTypeConfiguration<Bid>
{
    public void Configure(EntityTypeBuilder<Bid> builder)
    {
        builder.ToTable("Bids");
        builder.Property(b => b.Proposal).HasMaxLength(BidTerms.ProposalMaxLength).IsRequired();
        builder.HasOne(b => b.Group).WithMany().HasForeignKey(b => b.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(b => b.IsLive);

        // One live bid per group per task, even if two requests race past the domain check.
        builder.HasIndex(b => new { b.TaskId, b.GroupId })
            .IsUnique()
            .HasFilter($"\"Status\" IN ({string.Join(", ", BidStatuses.Live.Select(s => $"'{s}'"))})")
            .HasDatabaseName("IX_Bids_OneLiveBidPerGroup");
        builder.HasIndex(b => b.GroupId);
    }
}
