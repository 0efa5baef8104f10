using Matchboard.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public const string TeamVersionProperty = "TeamVersion";

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
            certification.Property(c => c.Note).HasColumnName("CertificationNote").HasMaxLength(1000);
            certification.Property(c => c.SuspendedAt).HasColumnName("CertificationSuspendedAt");
            certification.Property(c => c.SuspensionReason).HasColumnName("CertificationSuspensionReason").HasMaxLength(1000);
            certification.Property(c => c.RevokedAt).HasColumnName("CertificationRevokedAt");
            certification.Property(c => c.RevocationReason).HasColumnName("CertificationRevocationReason").HasMaxLength(1000);
            certification.Property(c => c.ExpiryNoticeSentDays).HasColumnName("CertificationExpiryNoticeSentDays");
            certification.Property(c => c.ExpiryLapseHandled).HasColumnName("CertificationExpiryLapseHandled");
            certification.Ignore(c => c.IsSuspended);
            certification.Ignore(c => c.IsRevoked);
            certification.Ignore(c => c.CountingDays);
            certification.Ignore(c => c.Mark);
        });

        // The group's own statement of its insurance: the latest replaces the earlier one.
        builder.OwnsOne(o => o.Insurance, insurance =>
        {
            insurance.Property(i => i.Insurer).HasColumnName("InsuranceInsurer").HasMaxLength(InsuranceDeclaration.InsurerMaxLength);
            insurance.Property(i => i.PolicyNumber).HasColumnName("InsurancePolicyNumber").HasMaxLength(InsuranceDeclaration.PolicyNumberMaxLength);
            insurance.Property(i => i.ValidUntil).HasColumnName("InsuranceValidUntil");
            insurance.Property(i => i.DeclaredAt).HasColumnName("InsuranceDeclaredAt");
        });

        // City staff's decisions about the mark, kept as its history.
        builder.OwnsMany(o => o.CertificationHistory, decision =>
        {
            decision.ToTable("CertificationDecisions");
            decision.WithOwner().HasForeignKey("OrganizationId");
            decision.HasKey(d => d.Id);
            decision.Property(d => d.Id).ValueGeneratedOnAdd();
            decision.Property(d => d.Number).HasMaxLength(60).IsRequired();
            decision.Property(d => d.Reason).HasMaxLength(1000);
            decision.Property(d => d.DecidedBy).HasMaxLength(256).IsRequired();
        });
        builder.Navigation(o => o.CertificationHistory).HasField("_certificationHistory");

        // Two city staff deciding about one group's mark at once: the second save fails (409).
        builder.Property<int>(MatchboardDbContext.VersionProperty).IsConcurrencyToken();
        builder.Ignore(o => o.IsCivicGroup);
        builder.Ignore(o => o.IsSupporter);

        // Stepped by every change of the team's membership (Features/Team), so that two removals at once cannot
        // both pass the "at least one member remains" rule: the second's update finds a newer version and fails.
        builder.Property<int>(TeamVersionProperty).IsConcurrencyToken();
        builder.Ignore(o => o.VerificationStatus);
        builder.Ignore(o => o.Standing);
    }
}
