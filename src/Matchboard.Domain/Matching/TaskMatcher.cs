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
        // Whether the group may bid depends on the task only through whether it requires certification.
        var mayBidWhereRequired = BiddingEligibility.MayBid(group, certificationRequired: true, today);
        var mayBidWhereNot = BiddingEligibility.MayBid(group, certificationRequired: false, today);
        var categories = group.Categories.ToList();
        var wards = group.WardsServed.ToList();
        return task => categories.Contains(task.Category)
            && wards.Contains(task.Ward)
            && (task.CertificationRequired ? mayBidWhereRequired : mayBidWhereNot);
    }

    public static bool Matches(Organization group, CommunityTask task, DateOnly today) =>
        TasksFor(group, today).Compile()(task);
}
