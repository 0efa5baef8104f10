using Matchboard.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.ToTable("Questions");
        builder.Property(q => q.Text).HasMaxLength(Question.TextMaxLength).IsRequired();
        builder.Property(q => q.Answer).HasMaxLength(Question.TextMaxLength);
        builder.HasOne(q => q.Group).WithMany().HasForeignKey(q => q.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(q => q.IsAnswered);
    }
}
