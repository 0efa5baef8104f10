namespace Matchboard.Domain.Matching;

/// <summary>
/// The published order of a ranked list: matches meeting the task's requirements first, then the higher score, then
/// (the tie rule) the lower id — the task's id on a group's list, the group's on a task's list, the bid's on the
/// comparison. Never the time of a request or anything random, so the same data always gives the same order.
/// </summary>
public static class MatchRanking
{
    public static IReadOnlyList<T> Rank<T>(IEnumerable<T> items, Func<T, int> id, Func<T, MatchScore> score) =>
        items.OrderByDescending(i => score(i).MeetsRequirements)
            .ThenByDescending(i => score(i).Total)
            .ThenBy(id)
            .ToList();
}
