using Matchboard.Domain.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.ToTable("Reviews");
        builder.Property(r => r.Comment).HasMaxLength(Review.CommentMaxLength).IsRequired();
        builder.Property(r => r.Reply).HasMaxLength(Review.ReplyMaxLength);
        builder.Property(r => r.HiddenReason).HasMaxLength(Review.HiddenReasonMaxLength);
        builder.Property(r => r.HiddenByUserId).HasMaxLength(450);
        builder.Ignore(r => r.IsHidden);
        builder.HasOne<Matchboard.Domain.Organizations.Organization>().WithMany().HasForeignKey(r => r.ReviewerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Matchboard.Domain.Organizations.Organization>().WithMany().HasForeignKey(r => r.RevieweeId).OnDelete(DeleteBehavior.Restrict);

        // Each side reviews the other once, even if two requests race past the domain check.
        builder.HasIndex(r => new { r.ContractId, r.ReviewerId }).IsUnique();
        builder.HasIndex(r => r.RevieweeId);
    }
}
