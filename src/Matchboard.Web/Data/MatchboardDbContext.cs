using Matchboard.Domain.Bids;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data;

public partial class MatchboardDbContext(DbContextOptions<MatchboardDbContext> options)
    : IdentityDbContext<ApplicationUser>(options)
{
    /// <summary>Application-managed concurrency token on tasks (SQLite has no rowversion).</summary>
    public const string VersionProperty = "Version";

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<CommunityTask> Tasks => Set<CommunityTask>();

    public DbSet<Bid> Bids => Set<Bid>();

    public DbSet<Question> Questions => Set<Question>();

    public DbSet<Contract> Contracts => Set<Contract>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpTaskVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpTaskVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MatchboardDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Status columns read as words in the database, as in the API.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);

        // SQLite cannot compare or order DateTimeOffset text; UTC ticks sort correctly everywhere.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    /// <summary>
    /// A task changes whenever it or one of its bids or questions does, so that two requests that
    /// read the same version cannot both write (the second gets a concurrency conflict).
    /// </summary>
    private void BumpTaskVersions()
    {
        ChangeTracker.DetectChanges();
        var changedTaskIds = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity switch
            {
                Bid bid => bid.TaskId,
                Question question => question.TaskId,
                _ => (int?)null,
            })
            .OfType<int>()
            .ToHashSet();

        foreach (var entry in ChangeTracker.Entries<CommunityTask>())
        {
            if (entry.State == EntityState.Modified
                || (entry.State == EntityState.Unchanged && changedTaskIds.Contains(entry.Entity.Id)))
            {
                var version = entry.Property<int>(VersionProperty);
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }
}
