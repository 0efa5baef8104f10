using Matchboard.Domain.Contracts;
using Matchboard.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.ToTable("Households");
        builder.Property(h => h.Label).HasMaxLength(Household.LabelMaxLength);
        builder.Property(h => h.VisitorName).HasMaxLength(Household.VisitorMaxLength);
        builder.Property<int>(MatchboardDbContext.VersionProperty).IsConcurrencyToken();
        builder.HasOne<Contract>().WithMany().HasForeignKey(h => h.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => h.ContractId);
    }
}
