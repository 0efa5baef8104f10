using Matchboard.Web.Data;

namespace Matchboard.Benchmarks;

/// <summary>
/// The seam: the three matching queries under test. <see cref="ScorerQueries"/> calls the product's ranked matching
/// (MatchService); the floors fetch the same candidate rows without scoring. Each returns how many rows
/// it produced, so that the harness can check figure and floor did real work.
/// </summary>
public interface IMatchingQueries
{
    string Name { get; }

    /// <summary>"Tasks that match us": one page of open tasks for one civic group.</summary>
    Task<int> TasksForGroupAsync(MatchboardDbContext db, int groupId, DateTimeOffset now, CancellationToken ct);

    /// <summary>The civic groups a task is for (what the association would be shown).</summary>
    Task<int> GroupsForTaskAsync(MatchboardDbContext db, int taskId, DateTimeOffset now, CancellationToken ct);

    /// <summary>The TaskPosted fan-out list for one newly published task: the notifications to write.</summary>
    Task<int> FanOutForNewTaskAsync(MatchboardDbContext db, int taskId, DateTimeOffset now, CancellationToken ct);
}
