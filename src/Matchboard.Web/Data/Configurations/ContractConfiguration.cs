using Matchboard.Domain.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> builder)
    {
        builder.ToTable("Contracts");

        // Both sides change one contract (sign, accept, terminate, review…), often at the same moment: the second of two racing writes gets 409.
        builder.Property<int>(MatchboardDbContext.VersionProperty).IsConcurrencyToken();
        builder.HasOne(c => c.Task).WithMany().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Association).WithMany().HasForeignKey(c => c.AssociationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Provider).WithMany().HasForeignKey(c => c.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Matchboard.Domain.Bids.Bid>().WithMany().HasForeignKey(c => c.BidId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Reviews).WithOne().HasForeignKey(r => r.ContractId);
        builder.Navigation(c => c.Reviews).HasField("_reviews");

        builder.Property(c => c.PaymentNote).HasMaxLength(ContractTerms.PaymentNoteMaxLength);
        builder.Property(c => c.Insurance).HasMaxLength(ContractTerms.InsuranceMaxLength);
        builder.Property(c => c.AssociationContactName).HasMaxLength(ContactPerson.NameMaxLength);
        builder.Property(c => c.AssociationContactPhone).HasMaxLength(ContactPerson.PhoneMaxLength);
        builder.Property(c => c.AssociationContactEmail).HasMaxLength(ContactPerson.EmailMaxLength);
        builder.Property(c => c.ProviderContactName).HasMaxLength(ContactPerson.NameMaxLength);
        builder.Property(c => c.ProviderContactPhone).HasMaxLength(ContactPerson.PhoneMaxLength);
        builder.Property(c => c.ProviderContactEmail).HasMaxLength(ContactPerson.EmailMaxLength);
        builder.Property(c => c.AwardWithdrawalReason).HasMaxLength(Contract.ReasonMaxLength);
        builder.Property(c => c.DeliveryNote).HasMaxLength(Contract.NoteMaxLength);
        builder.Property(c => c.ChangesRequestReason).HasMaxLength(Contract.ReasonMaxLength);
        builder.Property(c => c.TerminationReason).HasMaxLength(Contract.ReasonMaxLength);
        builder.Ignore(c => c.AssociationContact);
        builder.Ignore(c => c.ProviderContact);
        builder.Ignore(c => c.IsWorkOpen);
        builder.Ignore(c => c.HasEnded);
        builder.Ignore(c => c.HasTerms);
        builder.Ignore(c => c.ContactsShared);
        builder.Ignore(c => c.AutoCompletesAt);

        // The database backs up the domain rule: one contract per task, not counting withdrawn awards.
        builder.HasIndex(c => c.TaskId)
            .IsUnique()
            .HasFilter($"\"Status\" <> '{nameof(ContractStatus.AwardWithdrawn)}'")
            .HasDatabaseName("IX_Contracts_OneContractPerTask");
        builder.HasIndex(c => c.ProviderId);
        builder.HasIndex(c => c.AssociationId);
        builder.HasIndex(c => c.Status);
    }
}
