using Matchboard.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchboard.Web.Data.Configurations;

public sealed class CommunityTaskConfiguration : IEntityTypeConfiguration<CommunityTask>
{
    public void Configure(EntityTypeBuilder<CommunityTask> builder)
    {
        builder.ToTable("Tasks");
        builder.Property(t => t.Title).HasMaxLength(TaskDetails.TitleMaxLength).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(TaskDetails.DescriptionMaxLength).IsRequired();
        builder.Property(t => t.Category).HasMaxLength(40).IsRequired();
        builder.Property(t => t.Ward).HasMaxLength(20).IsRequired();
        builder.Property(t => t.Town).HasMaxLength(TaskDetails.TownMaxLength).IsRequired();
        builder.Property(t => t.AwardRationale).HasMaxLength(CommunityTask.RationaleMaxLength);
        builder.Property<int>(MatchboardDbContext.VersionProperty).IsConcurrencyToken();

        // The weekday pattern is one column: a bit per day.
        builder.Property(t => t.VisitWeekdays).HasConversion(w => w.Mask, mask => new WeekdaySet(mask));

        builder.HasOne(t => t.Association).WithMany().HasForeignKey(t => t.AssociationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Bids).WithOne().HasForeignKey(b => b.TaskId);
        builder.HasMany(t => t.Questions).WithOne().HasForeignKey(q => q.TaskId);
        builder.Navigation(t => t.Bids).HasField("_bids");
        builder.Navigation(t => t.Questions).HasField("_questions");
        builder.HasMany(t => t.Changes).WithOne().HasForeignKey(c => c.TaskId);
        builder.Navigation(t => t.Changes).HasField("_changes");
        builder.HasMany(t => t.Invitations).WithOne().HasForeignKey(i => i.TaskId);
        builder.Navigation(t => t.Invitations).HasField("_invitations");
        builder.Ignore(t => t.Details);

        builder.HasIndex(t => new { t.Status, t.BidDeadline });
        // Matching's candidate query (a group's categories × wards, open, deadline ahead), counted by what the score
        // reads of a task: the index holds every column the count reads and is in the order it counts by, so a group's
        // tens of thousands of candidates are counted from the index alone, without a sort; and within one kind it runs
        // in id order, so a page (the published tie rule: lower id first) is the first entries of each range, not a
        // sort of the whole tier (tests/Matchboard.Benchmarks).
        builder.HasIndex(t => new
        {
            t.Category, t.Ward, t.Status, t.CertificationRequired, t.InsuranceRequired, t.Id, t.StartDate, t.BidDeadline, t.PublishedAt,
        }).HasDatabaseName("IX_Tasks_MatchKind");
        builder.HasIndex(t => t.AssociationId);
        // The public board by ward (open, deadline ahead, ordered by deadline): the count reads only this index (PublishedAt
        // is in it), and page 1 is its first rows in order instead of a sort of every open task in the ward.
        builder.HasIndex(t => new { t.Ward, t.Status, t.BidDeadline, t.PublishedAt });
    }
}
