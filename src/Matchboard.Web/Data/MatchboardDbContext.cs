using Matchboard.Domain.Bids;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data.Audit;
using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data;

/// <summary>
/// The one context everybody injects. It is abstract because each database provider has its own subclass
/// (<see cref="Provider.SqliteMatchboardDbContext"/>, <see cref="Provider.PostgresMatchboardDbContext"/>) that carries
/// that provider's migration set and its few provider-only model settings.
/// </summary>
public abstract partial class MatchboardDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser>(options)
{
    /// <summary>
    /// Application-managed concurrency token on every entity configured with it (tasks, contracts, visits,
    /// households, alerts). Kept on PostgreSQL too rather than its <c>xmin</c>: a task's version must also change
    /// when only one of its bids or questions does (see <see cref="BumpVersions"/>), which <c>xmin</c> of the
    /// task's own row would not.
    /// </summary>
    public const string VersionProperty = "Version";

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<CommunityTask> Tasks => Set<CommunityTask>();

    public DbSet<Bid> Bids => Set<Bid>();

    public DbSet<Question> Questions => Set<Question>();

    public DbSet<TaskChange> TaskChanges => Set<TaskChange>();

    public DbSet<TaskInvitation> TaskInvitations => Set<TaskInvitation>();

    public DbSet<Contract> Contracts => Set<Contract>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditSeal> AuditSeals => Set<AuditSeal>();

    // Rows a pending change was decided on without changing them (see DependsOn).
    private readonly HashSet<object> _decidedOn = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The pending change holds only while <paramref name="entity"/> (tracked) stays as it was read: its version is
    /// bumped with the change, so that a concurrent change to it makes one of the two saves fail. A bid depends on
    /// its group this way, so that a bid and the suspension of the group's mark cannot both commit unseen by the other.
    /// </summary>
    public void DependsOn(object entity) => _decidedOn.Add(entity);

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // One scan of the tracked entities for both: each ChangeTracker.Entries() would otherwise scan them all again
        // (a new task tracks a thousand TaskPosted notifications), and nothing changes in between.
        List<AuditDraft> drafts;
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            BumpVersions();
            drafts = AuditCapture.Describe(this);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
        if (drafts.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The entries commit with the change or not at all: in the caller's transaction (the outbox's, a request's),
        // or in one of our own.
        var owned = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            AuditEntries.AddRange(await AuditCapture.CompleteAsync(this, drafts, cancellationToken));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MatchboardDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Status columns read as words in the database, as in the API.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    /// <summary>
    /// A versioned row changes whenever it is modified, a task also whenever one of its bids, questions or invitations
    /// does, and a contract whenever one of its reviews does, so that two requests that read the same version
    /// cannot both write (the second gets a concurrency conflict).
    /// </summary>
    private void BumpVersions()
    {
        var changedTaskIds = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity switch
            {
                Bid bid => bid.TaskId,
                Question question => question.TaskId,
                TaskChange change => change.TaskId,
                TaskInvitation invitation => invitation.TaskId,
                _ => (int?)null,
            })
            .OfType<int>()
            .ToHashSet();
        var changedContractIds = ChangeTracker.Entries<Review>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.ContractId)
            .ToHashSet();

        // A group's certification mark, its decisions and its insurance are owned rows: a change to them is a change to
        // the group (what a bid depends on; what the bid comparison is kept by, BidComparisonStamp).
        var changedOrganizationIds = ChangeTracker.Entries()
            .Where(e => e.Entity is Domain.Organizations.Certification or CertificationDecision or Domain.Organizations.InsuranceDeclaration
                && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (int?)e.Property("OrganizationId").CurrentValue)
            .OfType<int>()
            .ToHashSet();

        foreach (var entry in ChangeTracker.Entries().Where(e => e.Metadata.FindProperty(VersionProperty) is not null))
        {
            if (entry.State == EntityState.Modified
                || (entry.State == EntityState.Unchanged && (entry.Entity switch
                {
                    CommunityTask task => changedTaskIds.Contains(task.Id),
                    Contract contract => changedContractIds.Contains(contract.Id),
                    Organization organization => changedOrganizationIds.Contains(organization.Id),
                    _ => false,
                } || _decidedOn.Contains(entry.Entity))))
            {
                var version = entry.Property(VersionProperty);
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }
}
