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
        // BiddingEligibility's rule, stated over each task's start date so the database can apply it: a task requiring
        // certification needs the mark to count today and on the start date. The mark counts on exactly the days of
        // CountingDays (none while suspended or revoked), so the start date's half becomes a range check.
        var mayBidWhereNot = BiddingEligibility.MayBid(group, certificationRequired: false, insuranceRequired: false, today, today);
        var mayBidWhereRequiredToday = mayBidWhereNot && group.HasValidCertificationOn(today);
        var (from, to) = group.Certification?.CountingDays ?? (DateOnly.MaxValue, DateOnly.MinValue);
        // Insurance the same way: the declaration covers exactly the days up to its last day (InsuredFor).
        var insuredUntil = group.Insurance?.ValidUntil ?? DateOnly.MinValue;
        var insured = group.Insurance is not null;
        var categories = group.Categories.ToList();
        var wards = group.WardsServed.ToList();
        return task => categories.Contains(task.Category)
            && wards.Contains(task.Ward)
            && (task.CertificationRequired
                ? mayBidWhereRequiredToday && from <= task.StartDate && task.StartDate <= to
                : mayBidWhereNot)
            && (!task.InsuranceRequired || (insured && task.StartDate <= insuredUntil));
    }

    public static bool Matches(Organization group, CommunityTask task, DateOnly today) =>
        TasksFor(group, today).Compile()(task);
}
