namespace Matchboard.Web.Features.Matching;

/// <summary>One ranked task as a card shows it: the task, its score and the reasons beside it.</summary>
public sealed record MatchCard(TaskMatchDto Match, int ReasonCount)
{
    /// <summary>
    /// The reasons that gave points, largest first, ties in the rubric's order: the same pick as
    /// <c>MatchScore.TopReasons</c>, from the DTO (whose reasons are in the rubric's order).
    /// </summary>
    public IEnumerable<MatchReasonDto> TopReasons =>
        Match.Reasons.Select((r, i) => (r, i)).Where(p => p.r.Points > 0)
            .OrderByDescending(p => p.r.Points).ThenBy(p => p.i).Take(ReasonCount).Select(p => p.r);
}
