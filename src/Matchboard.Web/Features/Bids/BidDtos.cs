using Matchboard.Domain.Bids;
using Matchboard.Domain.Organizations;
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

    public DateTimeOffset UpdatedAt { get; init; }
}

public sealed record BidRequest
{
    public long? AmountYen { get; init; }

    public string? Proposal { get; init; }

    public int? StaffPlanned { get; init; }

    public DateOnly? EarliestStart { get; init; }
}
