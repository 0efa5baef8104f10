using System.Linq.Expressions;
using Matchboard.Domain.Bids;

namespace Matchboard.Domain.Tasks;

/// <summary>
/// The one rule on who may see a task's bids, and when (公平性・透明性). Bids are sealed from everyone, the posting
/// association included, until the deadline: then they open to the association all at once (amount, proposal, group),
/// and the opening is stored, so it happens, and is recorded, once. When the task is decided (awarded, closed
/// unawarded, or cancelled after its deadline) every bidder's name and amount become public, never the proposal.
/// A task cancelled before its deadline reveals nothing, to anyone, ever.
/// </summary>
public static class BidDisclosure
{
    /// <summary>Whether the association may see its bids' amounts, proposals and groups.</summary>
    public static bool IsOpenToAssociation(CommunityTask task) => task.BidsOpenedAt is not null;

    /// <summary>
    /// Whether a read at <paramref name="now"/> must first open the bids (the deadline came, the sweep has not yet run):
    /// the caller closes the task through <see cref="CommunityTask.Close"/>, which stores the opening.
    /// </summary>
    public static bool IsDueToOpen(CommunityTask task, DateTimeOffset now) =>
        task.BidsOpenedAt is null && TaskDeadline.IsOpenPastDeadline(task.Status, task.BidDeadline, now);

    /// <summary>Whether anyone, signed in or not, may see every bidder's name and amount (the award register, open data).</summary>
    public static bool IsPublic(CommunityTask task) => task.BidsRevealedAt is not null;

    /// <summary>
    /// Once a task's bids are public, which of them appear by name and amount: all but those their group withdrew
    /// before the bids were opened (counted among those received, never shown: nobody ever saw them). A bid withdrawn
    /// later (a lapse of the group's mark) was opened, and appears as withdrawn. Written once, as an expression, for
    /// the register's and open data's lists and for the register's query by group alike.
    /// </summary>
    private static readonly Expression<Func<BidStatus, DateTimeOffset, DateTimeOffset?, bool>> NamedInPublicRule =
        (status, updatedAt, bidsOpenedAt) => status != BidStatus.Withdrawn || (bidsOpenedAt != null && updatedAt >= bidsOpenedAt);

    private static readonly Func<BidStatus, DateTimeOffset, DateTimeOffset?, bool> NamedInPublic = NamedInPublicRule.Compile();

    public static bool IsNamedInPublic(BidStatus status, DateTimeOffset updatedAt, DateTimeOffset? bidsOpenedAt) =>
        NamedInPublic(status, updatedAt, bidsOpenedAt);

    public static bool IsNamedInPublic(CommunityTask task, Bid bid) => NamedInPublic(bid.Status, bid.UpdatedAt, task.BidsOpenedAt);

    /// <summary>For queries: tasks on which <paramref name="groupId"/> has a bid that is named in public.</summary>
    public static Expression<Func<CommunityTask, bool>> NamesBidOf(int groupId)
    {
        var task = Expression.Parameter(typeof(CommunityTask), "task");
        var bid = Expression.Parameter(typeof(Bid), "bid");
        Expression<Func<int>> captured = () => groupId;
        var named = ExpressionBinding.Bind(
            NamedInPublicRule,
            Expression.Property(bid, nameof(Bid.Status)),
            Expression.Property(bid, nameof(Bid.UpdatedAt)),
            Expression.Property(task, nameof(CommunityTask.BidsOpenedAt)));
        var ofGroup = Expression.AndAlso(Expression.Equal(Expression.Property(bid, nameof(Bid.GroupId)), captured.Body), named);
        var any = Expression.Call(
            typeof(Enumerable), nameof(Enumerable.Any), [typeof(Bid)],
            Expression.Property(task, nameof(CommunityTask.Bids)),
            Expression.Lambda<Func<Bid, bool>>(ofGroup, bid));
        return Expression.Lambda<Func<CommunityTask, bool>>(any, task);
    }

    /// <summary>For queries: the decided tasks whose bids are public.</summary>
    public static Expression<Func<CommunityTask, bool>> Public => task => task.BidsRevealedAt != null;

    /// <summary>For queries: tasks whose bids the association may see.</summary>
    public static Expression<Func<CommunityTask, bool>> OpenToAssociation => task => task.BidsOpenedAt != null;
}
