using System.Linq.Expressions;
using Matchboard.Domain.Tasks;

namespace Matchboard.Domain.Matching;

/// <summary>
/// Tasks alike in all that a group's score for a task reads of it (<see cref="MatchScoring.ScoreTask"/> reads nothing
/// else: no id, no fee), with a start date from <see cref="From"/> to <see cref="To"/> (both included) within which
/// the group's facts do not change (<see cref="MatchStartSpans"/>): for one group, they all score alike.
/// </summary>
public sealed record MatchKindRange(string Category, string Ward, bool CertificationRequired, bool InsuranceRequired, DateOnly From, DateOnly To)
{
    /// <summary>
    /// The range as a condition on a task's columns, for the database. Its values are read from the range (a constant
    /// object), so the database sees parameters, not literals.
    /// </summary>
    public Expression<Func<CommunityTask, bool>> Selects()
    {
        var task = Expression.Parameter(typeof(CommunityTask), "task");
        return Expression.Lambda<Func<CommunityTask, bool>>(ExpressionBinding.Bind(InRange, task, Expression.Constant(this)), task);
    }

    private static readonly Expression<Func<CommunityTask, MatchKindRange, bool>> InRange = (t, r) =>
        t.Category == r.Category && t.Ward == r.Ward
        && t.CertificationRequired == r.CertificationRequired && t.InsuranceRequired == r.InsuranceRequired
        && t.StartDate >= r.From && t.StartDate <= r.To;
}

/// <summary>
/// A run of equal rank in a group's ranked list: the kinds that meet the task's requirements or not, with one total.
/// By <see cref="MatchRanking"/>'s published order the tasks of a tier follow each other, lower task id first.
/// <see cref="Start"/> is its first position in the whole list (0-based). Its kinds share the rank, not always the
/// reasons (a neighbouring ward can weigh what a related category does): each task is explained by its own kind.
/// A tier's tasks are those in one of its <see cref="Ranges"/>: exact on the kinds it was made from
/// (<see cref="MatchTiers.Of"/>), as between two start dates of one tier lies no counted start date of another tier.
/// </summary>
public sealed record MatchTier(bool MeetsRequirements, int Total, int Start, int Count, IReadOnlyList<MatchKindRange> Ranges);

/// <summary>
/// A group's ranked list without reading its tasks one by one: its candidates counted by <see cref="MatchKindRange"/>
/// (a database can count tens of thousands of rows by a few columns far faster than it can hand them over), each kind
/// scored once, and kinds of equal rank gathered into <see cref="MatchTier"/>s, best first. A page of the list is then
/// the rows of the tiers it overlaps, in task id order: the published order exactly, as <see cref="MatchRanking.Rank"/>
/// would give it from every task.
/// </summary>
public static class MatchTiers
{
    public static IReadOnlyList<MatchTier> Of(
        IEnumerable<(MatchKindRange Kind, int Count)> kinds,
        Func<MatchTask, MatchGroup> groupFor,
        MatchWeights weights,
        MatchReferenceData reference)
    {
        // Each kind stands as a task whose id is its place in the list; ScoreTasks scores alike kinds once.
        var counted = kinds.Where(k => k.Count > 0).ToList();
        var scored = MatchScoring.ScoreTasks(counted.Select((k, i) => AsTask(k.Kind, i)), groupFor, weights, reference)
            .Select(p => (counted[p.Task.Id].Kind, counted[p.Task.Id].Count, Rank: new Rank(p.Score.MeetsRequirements, p.Score.Total)))
            .ToList();

        // Per kind but the start date, its spans in date order cut into runs of one tier.
        var ranges = scored
            .GroupBy(k => (k.Kind.Category, k.Kind.Ward, k.Kind.CertificationRequired, k.Kind.InsuranceRequired))
            .SelectMany(alike => Runs(alike.OrderBy(k => k.Kind.From).Select(k => (k.Kind, k.Rank)).ToList()))
            .ToLookup(r => r.Rank, r => r.Range);

        var tiers = new List<MatchTier>();
        var start = 0;
        foreach (var tier in scored.GroupBy(k => k.Rank)
                     .OrderByDescending(g => g.Key.MeetsRequirements)
                     .ThenByDescending(g => g.Key.Total))
        {
            var count = tier.Sum(k => k.Count);
            tiers.Add(new MatchTier(tier.Key.MeetsRequirements, tier.Key.Total, start, count, ranges[tier.Key].ToList()));
            start += count;
        }

        return tiers;
    }

    /// <summary>The parts of <paramref name="tiers"/> that hold list positions <paramref name="skip"/> to skip + take: each tier with how many of its tasks (in id order) to skip and take.</summary>
    public static IEnumerable<(MatchTier Tier, int Skip, int Take)> Window(IReadOnlyList<MatchTier> tiers, int skip, int take)
    {
        var end = skip + take;
        foreach (var tier in tiers)
        {
            var from = Math.Max(skip, tier.Start);
            var to = Math.Min(end, tier.Start + tier.Count);
            if (from < to)
            {
                yield return (tier, from - tier.Start, to - from);
            }
        }
    }

    /// <summary>
    /// The task a kind stands for in <see cref="MatchScoring.ScoreTask"/> (which reads no id and no fee): any start date
    /// of its span gives the same facts; its first, or its last when it is open to the past.
    /// </summary>
    private static MatchTask AsTask(MatchKindRange kind, int id) =>
        new(id, kind.Category, kind.Ward, kind.From == DateOnly.MinValue ? kind.To : kind.From, kind.CertificationRequired, kind.InsuranceRequired, 0);

    private static IEnumerable<(Rank Rank, MatchKindRange Range)> Runs(IReadOnlyList<(MatchKindRange Kind, Rank Rank)> byDate)
    {
        for (var i = 0; i < byDate.Count;)
        {
            var last = i;
            while (last + 1 < byDate.Count && byDate[last + 1].Rank == byDate[i].Rank)
            {
                last++;
            }

            yield return (byDate[i].Rank, byDate[i].Kind with { To = byDate[last].Kind.To });
            i = last + 1;
        }
    }

    private readonly record struct Rank(bool MeetsRequirements, int Total);
}
