using Matchboard.Domain.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> builder)
    {
        builder.ToTable("Contracts");

        // Both parties sign the same row, often at the same moment: each save must see the other's.
        builder.Property<int>(MatchboardDbContext.VersionProperty).IsConcurrencyToken();
        builder.HasOne(c => c.Task).WithMany().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Association).WithMany().HasForeignKey(c => c.AssociationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Provider).WithMany().HasForeignKey(c => c.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Matchboard.Domain.Bids.Bid>().WithMany().HasForeignKey(c => c.BidId).OnDelete(DeleteBehavior.Restrict);

        // The database backs up the domain rule: one contract per task.
        builder.HasIndex(c => c.TaskId).IsUnique();
        builder.HasIndex(c => c.ProviderId);
        builder.HasIndex(c => c.AssociationId);
    }
}
