using Matchboard.Domain.Bids;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Features.Matching;
using Matchboard.Web.Features.Organizations;

namespace Matchboard.Web.Features.Bids;

/// <summary>A sealed bid: shown only to the bidding group and to the posting association.</summary>
public sealed record BidDto
{
    public int Id { get; init; }

    public int TaskId { get; init; }

    public int GroupId { get; init; }

    public required string GroupName { get; init; }

    public LegalForm? GroupLegalForm { get; init; }

    public bool GroupVerified { get; init; }

    public CertificationDto? GroupCertification { get; init; }

    public long AmountYen { get; init; }

    public required string Proposal { get; init; }

    public int StaffPlanned { get; init; }

    public DateOnly EarliestStart { get; init; }

    public BidStatus Status { get; init; }

    /// <summary>Made before the task's dates, fee or requirements changed (「変更前の内容への提案」); still live and awardable.</summary>
    public bool ForEarlierTerms { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The group's own last change; the association's decisions never move it.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the association decided about this bid (award, rejection, cancellation); null while it is in the running.</summary>
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>
    /// The group's load now, on the association's opened comparison only (null elsewhere): contracts it is bound to
    /// (<see cref="Domain.Contracts.ContractCapacity"/>) against its stated capacity, and whether it is at capacity
    /// (<see cref="Organization.IsAtCapacity"/>). Shown, never a reason the bid was refused.
    /// </summary>
    public int? GroupActiveContracts { get; init; }

    public int? GroupCapacity { get; init; }

    public bool? GroupAtCapacity { get; init; }

    /// <summary>
    /// The bid's score by the published rubric (README, "The matching rubric"), on the association's opened comparison
    /// only (null elsewhere): the sum of <see cref="Reasons"/>' points.
    /// </summary>
    public int? Score { get; init; }

    /// <summary>The group meets the task's requirements (certification, insurance); a bid that does not is ranked after those that do.</summary>
    public bool? MeetsRequirements { get; init; }

    /// <summary>Why the bid scored what it did, factor by factor, in the reader's language (opened comparison only).</summary>
    public IReadOnlyList<MatchReasonDto>? Reasons { get; init; }

    /// <summary>
    /// Fairness notices about the group, shown on the comparison and never hiding the bid or changing its score: today
    /// the share-of-awards flag (<c>fairness.share-of-awards</c>). Empty when none applies; null off the opened comparison.
    /// </summary>
    public IReadOnlyList<MatchReasonDto>? Flags { get; init; }
}

/// <summary>
/// A task's bids as its association sees them. Sealed until the deadline (<see cref="Domain.Tasks.BidDisclosure"/>):
/// only <see cref="Count"/>, with <see cref="Bids"/> empty and <see cref="OpenedAt"/> null. Open: every bid at once.
/// </summary>
public sealed record TaskBidsDto
{
    /// <summary>When the bids open to the association.</summary>
    public DateTimeOffset BidDeadline { get; init; }

    /// <summary>When they opened; null while sealed.</summary>
    public DateTimeOffset? OpenedAt { get; init; }

    public bool IsOpen => OpenedAt is not null;

    /// <summary>The order of <see cref="Bids"/>: <c>score</c> or <c>amount</c>.</summary>
    public string Sort { get; init; } = BidSort.Score;

    /// <summary>Bids received: every bid but a withdrawn one.</summary>
    public int Count { get; init; }

    /// <summary>
    /// Empty while sealed. Open: in the order asked for (<see cref="BidSort"/>): by default the published order of the
    /// rubric (bids still in the running or chosen first, then requirements met, score, bid id), or lowest amount first.
    /// </summary>
    public required IReadOnlyList<BidDto> Bids { get; init; }
}

/// <summary>A bid exactly as it would be sent, with what the group should know first. Nothing is saved.</summary>
public sealed record BidPreviewDto
{
    public long AmountYen { get; init; }

    public required string Proposal { get; init; }

    public int StaffPlanned { get; init; }

    public DateOnly EarliestStart { get; init; }

    /// <summary>Sending it would revise the group's live bid rather than place a new one.</summary>
    public bool IsRevision { get; init; }

    /// <summary>Warnings the group may go past (amount above the fee, start after the task's start).</summary>
    public required IReadOnlyList<BidWarningDto> Warnings { get; init; }
}

/// <summary>A warning about one field: <c>above-fee</c> or <c>after-task-start</c>, with its message.</summary>
public sealed record BidWarningDto(string Field, string Code, string Message);

public sealed record BidRequest
{
    public long? AmountYen { get; init; }

    public string? Proposal { get; init; }

    public int? StaffPlanned { get; init; }

    public DateOnly? EarliestStart { get; init; }
}

/// <summary>The orders of the opened comparison (<c>?sort=</c>).</summary>
public static class BidSort
{
    /// <summary>The rubric's published order (「おすすめ順」): the default.</summary>
    public const string Score = "score";

    /// <summary>Lowest amount first, then the earlier bid (「金額の安い順」): the comparison's order before the rubric.</summary>
    public const string Amount = "amount";

    public static bool IsKnown(string? sort) => sort is null or Score or Amount;
}
