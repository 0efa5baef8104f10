using Matchboard.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class TaskChangeConfiguration : IEntityTypeConfiguration<TaskChange>
{
    public void Configure(EntityTypeBuilder<TaskChange> builder)
    {
        builder.ToTable("TaskChanges");
        builder.Property(c => c.Field).HasMaxLength(40).IsRequired();
        builder.Property(c => c.OldValue).HasMaxLength(TaskChange.ValueMaxLength).IsRequired();
        builder.Property(c => c.NewValue).HasMaxLength(TaskChange.ValueMaxLength).IsRequired();
        builder.HasIndex(c => new { c.TaskId, c.Revision });
    }
}
