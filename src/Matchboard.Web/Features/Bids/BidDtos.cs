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

    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The group's own last change; the association's decisions never move it.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the association decided about this bid (award, rejection, cancellation); null while it is in the running.</summary>
    public DateTimeOffset? DecidedAt { get; init; }
}

public sealed record BidRequest
{
    public long? AmountYen { get; init; }

    public string? Proposal { get; init; }

    public int? StaffPlanned { get; init; }

    public DateOnly? EarliestStart { get; init; }
}
