namespace Matchboard.Web.Features.Tasks;

/// <summary>
/// A task on its own association's list (「私たちの依頼」): the summary, plus what waits on it. Only ever read for
/// the posting association, which may see its bid count.
/// </summary>
public sealed record MyTaskDto : TaskSummaryDto
{
    /// <summary>Bids received: every bid but a withdrawn one (<see cref="Domain.Bids.BidStatuses.IsReceived"/>).</summary>
    public int BidCount { get; init; }

    public int UnansweredQuestionCount { get; init; }
}
