using Matchboard.Domain;
using Matchboard.Domain.Matching;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matchboard.Web.Features.Matching;

/// <summary>One bid as the rubric needs it: who made it, for how much, from when.</summary>
public sealed record BidToScore(int BidId, int GroupId, long AmountYen, DateOnly EarliestStart);

/// <summary>
/// A bid's score by the published rubric, and the share-of-awards flag when it applies (shown; the score is unchanged);
/// with the group's load now (its occupying contracts against its capacity), read by the same batch as its track record.
/// </summary>
public sealed record ScoredBid(MatchScore Score, MatchReason? ShareOfAwards, int ActiveContracts, int Capacity, bool AtCapacity);

/// <summary>
/// The opened bid comparison by the published rubric: each bid scored by <see cref="MatchScoring.ScoreBid"/> (the
/// group's fit for the task, price and start), and flagged by <see cref="MatchScoring.ShareOfAwardsFlag"/> when its
/// group won more than the configured share of this association's awards in the window. The track record of every
/// bidding group is read in one batch (<see cref="MatchFacts"/>), the association's awards in one query.
/// </summary>
public sealed class BidScoring(
    MatchboardDbContext db,
    TimeProvider clock,
    MatchFacts matchFacts,
    MatchReferenceData reference,
    IOptions<MatchWeights> weights,
    IOptions<MatchFairness> fairness)
{
    public async Task<IReadOnlyDictionary<int, ScoredBid>> ScoreAsync(CommunityTask task, IReadOnlyCollection<BidToScore> bids, CancellationToken ct)
    {
        if (bids.Count == 0)
        {
            return new Dictionary<int, ScoredBid>();
        }

        var today = JapanTime.DateOf(clock.GetUtcNow());
        var groupIds = bids.Select(b => b.GroupId).Distinct().ToList();
        var groups = await db.Organizations.AsNoTracking().Where(o => groupIds.Contains(o.Id)).ToListAsync(ct);
        var facts = await matchFacts.ForAsync(groups, ct);
        var byId = groups.ToDictionary(g => g.Id);
        var awards = await AwardsInWindowAsync(task.AssociationId, ct);
        var match = MatchTask.Of(task);

        return bids.ToDictionary(b => b.BidId, b =>
        {
            var group = byId[b.GroupId];
            var score = MatchScoring.ScoreBid(
                match, facts[group.Id].For(match, group, today), new MatchBid(b.AmountYen, b.EarliestStart), weights.Value, reference);
            var flag = MatchScoring.ShareOfAwardsFlag(awards.ByGroup.GetValueOrDefault(b.GroupId), awards.Total, fairness.Value);
            var load = facts[group.Id].Capacity;
            return new ScoredBid(score, flag, load.ActiveContracts, group.Capacity, group.IsAtCapacity(load.ActiveContracts));
        });
    }

    /// <summary>
    /// The association's tasks awarded within the last <see cref="MatchFairness.WindowMonths"/> months, and how many
    /// went to each group. An award taken back (<see cref="CommunityTask.WithdrawAward"/>) clears the task's award
    /// fields, so it does not count; a task awarded again counts once, for its current winner.
    /// </summary>
    private async Task<(int Total, IReadOnlyDictionary<int, int> ByGroup)> AwardsInWindowAsync(int associationId, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddMonths(-fairness.Value.WindowMonths);
        var winners = await db.Tasks.AsNoTracking()
            .Where(t => t.AssociationId == associationId && t.AwardedAt != null && t.AwardedAt >= since && t.AwardedBidId != null)
            .Join(db.Bids, t => t.AwardedBidId, b => (int?)b.Id, (t, b) => b.GroupId)
            .ToListAsync(ct);
        return (winners.Count, winners.GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count()));
    }
}
