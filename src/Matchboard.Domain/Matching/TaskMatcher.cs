using System.Linq.Expressions;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;

namespace Matchboard.Domain.Matching;

/// <summary>
/// Which tasks are for which civic group: the rule behind "tasks that match us" and the TaskPosted push.
/// One expression serves both the database query and the in-memory check.
/// </summary>
public static class TaskMatcher
{
    public static Expression<Func<CommunityTask, bool>> TasksFor(Organization group, DateOnly today)
    {
        var eligible = group.IsCivicGroup && group.IsVerified;
        var certified = group.HasValidCertificationOn(today);
        var categories = group.Categories.ToList();
        var wards = group.WardsServed.ToList();
        return task => eligible
            && categories.Contains(task.Category)
            && wards.Contains(task.Ward)
            && (certified || !task.CertificationRequired);
    }

    public static bool Matches(Organization group, CommunityTask task, DateOnly today) =>
        TasksFor(group, today).Compile()(task);
}
