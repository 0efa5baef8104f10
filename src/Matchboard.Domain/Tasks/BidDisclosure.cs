using System.Linq.Expressions;

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

    /// <summary>For queries: the decided tasks whose bids are public.</summary>
    public static Expression<Func<CommunityTask, bool>> Public => task => task.BidsRevealedAt != null;

    /// <summary>For queries: tasks whose bids the association may see.</summary>
    public static Expression<Func<CommunityTask, bool>> OpenToAssociation => task => task.BidsOpenedAt != null;
}
