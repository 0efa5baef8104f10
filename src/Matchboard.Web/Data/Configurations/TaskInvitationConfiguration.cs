using Matchboard.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class TaskInvitationConfiguration : IEntityTypeConfiguration<TaskInvitation>
{
    public void Configure(EntityTypeBuilder<TaskInvitation> builder)
    {
        builder.ToTable("TaskInvitations");
        builder.HasOne(i => i.Organization).WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);

        // Once per task and group, even for two requests racing past the domain's check.
        builder.HasIndex(i => new { i.TaskId, i.OrganizationId }).IsUnique();

        // "Invited" on the group's own pages reads by group.
        builder.HasIndex(i => i.OrganizationId);
    }
}
