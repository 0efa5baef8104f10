using System.Linq.Expressions;

namespace Matchboard.Domain.Tasks;

/// <summary>
/// The one rule about the bid deadline: an open task whose deadline has come counts as closed, its bids
/// waiting for the association's decision, whether or not the deadline sweep has stored that yet.
/// It is written once, as expressions, so that database queries, the entity and the pages' DTOs (which hold
/// only a status and a deadline) all read a task's state the same way.
/// </summary>
public static class TaskDeadline
{
    /// <summary>Open as stored, but the deadline has come: closed in all but the stored status.</summary>
    private static readonly Expression<Func<CommunityTaskStatus, DateTimeOffset, DateTimeOffset, bool>> OpenPastDeadlineRule =
        (status, deadline, now) => status == CommunityTaskStatus.Open && deadline <= now;

    // What the stored status and the rule above together make of a task.
    private static readonly Expression<Func<CommunityTaskStatus, bool, bool>> AcceptingBidsRule =
        (stored, openPastDeadline) => stored == CommunityTaskStatus.Open && !openPastDeadline;

    private static readonly Expression<Func<CommunityTaskStatus, bool, bool>> AwaitingDecisionRule =
        (stored, openPastDeadline) => stored == CommunityTaskStatus.Closed || openPastDeadline;

    private static readonly Func<CommunityTaskStatus, DateTimeOffset, DateTimeOffset, bool> OpenPastDeadline = OpenPastDeadlineRule.Compile();
    private static readonly Func<CommunityTaskStatus, bool, bool> AcceptingBids = AcceptingBidsRule.Compile();
    private static readonly Func<CommunityTaskStatus, bool, bool> AwaitingDecision = AwaitingDecisionRule.Compile();

    public static bool IsOpenPastDeadline(CommunityTaskStatus status, DateTimeOffset deadline, DateTimeOffset now) =>
        OpenPastDeadline(status, deadline, now);

    public static bool IsAcceptingBids(CommunityTaskStatus status, DateTimeOffset deadline, DateTimeOffset now) =>
        AcceptingBids(status, OpenPastDeadline(status, deadline, now));

    /// <summary>Closed, or open past its deadline: the association may award.</summary>
    public static bool IsAwaitingDecision(CommunityTaskStatus status, DateTimeOffset deadline, DateTimeOffset now) =>
        AwaitingDecision(status, OpenPastDeadline(status, deadline, now));

    /// <summary>The status to show and to group by: Closed for an open task past its deadline.</summary>
    public static CommunityTaskStatus EffectiveStatus(CommunityTaskStatus status, DateTimeOffset deadline, DateTimeOffset now) =>
        IsAwaitingDecision(status, deadline, now) ? CommunityTaskStatus.Closed : status;

    /// <summary>Whether a task with this deadline, opened now, would already be past it (for drafts and new tasks).</summary>
    public static bool HasPassed(DateTimeOffset deadline, DateTimeOffset now) =>
        OpenPastDeadline(CommunityTaskStatus.Open, deadline, now);

    /// <summary>For queries: tasks still open in the table but past their deadline (what the sweep closes).</summary>
    public static Expression<Func<CommunityTask, bool>> OpenPastDeadlineAt(DateTimeOffset now) =>
        OnTasks((stored, openPastDeadline) => openPastDeadline, now);

    /// <summary>For queries: tasks whose <see cref="EffectiveStatus"/> at <paramref name="now"/> is <paramref name="status"/>.</summary>
    public static Expression<Func<CommunityTask, bool>> HasEffectiveStatus(CommunityTaskStatus status, DateTimeOffset now) => status switch
    {
        CommunityTaskStatus.Open => OnTasks(AcceptingBidsRule, now),
        CommunityTaskStatus.Closed => OnTasks(AwaitingDecisionRule, now),
        _ => task => task.Status == status,
    };

    private static Expression<Func<CommunityTask, bool>> OnTasks(Expression<Func<CommunityTaskStatus, bool, bool>> rule, DateTimeOffset now)
    {
        var task = Expression.Parameter(typeof(CommunityTask), "task");
        var stored = Expression.Property(task, nameof(CommunityTask.Status));
        var deadline = Expression.Property(task, nameof(CommunityTask.BidDeadline));

        // A captured value, not a constant: the database sees a parameter and can reuse the query plan.
        Expression<Func<DateTimeOffset>> captured = () => now;
        var openPastDeadline = ExpressionBinding.Bind(OpenPastDeadlineRule, stored, deadline, captured.Body);
        // Simplified (not restated): "open and accepting bids" reaches the database as Status = 'Open' AND BidDeadline > @now.
        var body = ExpressionBinding.Simplify(ExpressionBinding.Bind(rule, stored, openPastDeadline));
        return Expression.Lambda<Func<CommunityTask, bool>>(body, task);
    }
}
