using System.Security.Claims;
using Matchboard.Domain;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Matching;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Benchmarks;

/// <summary>
/// The product's ranked matching, called, not copied: <see cref="MatchService"/> as the app registers it
/// (<c>AddMatchboardMatching</c>, AutoMapper profiles of the Web assembly, localization, <see cref="UiFormat"/>), in a
/// scope per call whose <see cref="MatchboardDbContext"/> is the harness's fresh context.
/// Tasks for a group = <c>MatchService.TasksForAsync</c> (GET /api/matches/tasks, page 1 with its reasons in words);
/// groups for a task = <c>RankGroupsAsync(task, CivicGroup)</c>; the fan-out = <c>TaskPostedAudience.ForAsync</c> (the
/// push's own audience: that ranking, may bid, at least the threshold, reasons worded in ja and en), one TaskPosted
/// notification each.
/// </summary>
public sealed class ScorerQueries : IMatchingQueries
{
    private readonly ServiceProvider _services;

    public ScorerQueries()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [MatchingSetup.ReferenceDataPathSetting] = ReferenceDataPath(),
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddScoped<UiFormat>();
        services.AddAutoMapper(_ => { }, typeof(MatchService));
        services.AddMatchboardMatching(configuration);
        services.AddScoped<HarnessContext>();
        services.AddScoped<MatchboardDbContext>(sp => sp.GetRequiredService<HarnessContext>().Db
            ?? throw new InvalidOperationException("No context for this call."));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public string Name => "MatchService (ranked and explained: the product's scorer)";

    /// <summary>The rubric's reference data (ward adjacency, related categories), for the floors' candidate rule.</summary>
    public Matchboard.Domain.Matching.MatchReferenceData Reference =>
        _services.GetRequiredService<Matchboard.Domain.Matching.MatchReferenceData>();

    public async Task<int> TasksForGroupAsync(MatchboardDbContext db, int groupId, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = Scope(db);
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(OrganizationClaims.Id, groupId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             new Claim(OrganizationClaims.Kind, nameof(OrganizationKind.CivicGroup))],
            "benchmark"));
        var page = await scope.ServiceProvider.GetRequiredService<MatchService>()
            .TasksForAsync(new TaskMatchQuery(null, null, null, null, null, 1, 20), user, ct);
        return page.Total;
    }

    public async Task<int> GroupsForTaskAsync(MatchboardDbContext db, int taskId, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = Scope(db);
        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId, ct);
        var ranked = await scope.ServiceProvider.GetRequiredService<MatchService>()
            .RankGroupsAsync(task, OrganizationKind.CivicGroup, ct);
        return ranked.Count;
    }

    public async Task<int> FanOutForNewTaskAsync(MatchboardDbContext db, int taskId, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = Scope(db);
        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId, ct);
        var recipients = await scope.ServiceProvider.GetRequiredService<TaskPostedAudience>().ForAsync(task, ct);
        var notifications = recipients
            .Select(r => new Notification(r.GroupId, NotificationType.TaskPosted, task.Id, task.Title, now, match: r.Match))
            .ToList();
        return notifications.Count;
    }

    private AsyncServiceScope Scope(MatchboardDbContext db)
    {
        var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HarnessContext>().Db = db;
        return scope;
    }

    private static string ReferenceDataPath()
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "seed-data");
        if (Directory.Exists(copied))
        {
            return copied;
        }

        // Walk up to the repository's seed-data/ (dotnet run from anywhere in the tree).
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seed-data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return copied;
    }

    /// <summary>Holds the harness's context for one call's scope (the scope disposes it too; disposing twice is harmless).</summary>
    private sealed class HarnessContext
    {
        public MatchboardDbContext? Db { get; set; }
    }
}
