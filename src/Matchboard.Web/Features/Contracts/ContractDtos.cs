using Matchboard.Domain.Contracts;

namespace Matchboard.Web.Features.Contracts;

/// <summary>
/// A contract as one viewer may see it: the terms and what the two sides agreed to; the other side's contact
/// person only once both have signed (our own always).
/// </summary>
public sealed record ContractDto
{
    public int Id { get; init; }

    public int TaskId { get; init; }

    public required string TaskTitle { get; init; }

    /// <summary>The duties, as the association described them when posting.</summary>
    public required string TaskDescription { get; init; }

    public required string TaskCategory { get; init; }

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    /// <summary>The number of visits the task asked for.</summary>
    public int TaskVisitsPlanned { get; init; }

    public int HouseholdsServed { get; init; }

    public int BidId { get; init; }

    /// <summary>The accepted proposal: how the group said it would do the work.</summary>
    public string? Proposal { get; init; }

    public int AssociationId { get; init; }

    public required string AssociationName { get; init; }

    public int ProviderId { get; init; }

    public required string ProviderName { get; init; }

    public long AmountYen { get; init; }

    public ContractStatus Status { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset SignBy { get; init; }

    public DateTimeOffset? AssociationSignedAt { get; init; }

    public DateTimeOffset? ProviderSignedAt { get; init; }

    public DateTimeOffset? ActivatedAt { get; init; }

    public PaymentTiming? PaymentTiming { get; init; }

    public string? PaymentNote { get; init; }

    public string? Insurance { get; init; }

    /// <summary>Null when not yet named, or not yet shown to this viewer.</summary>
    public ContactDto? AssociationContact { get; init; }

    public ContactDto? ProviderContact { get; init; }

    /// <summary>Both have signed, so each side sees the other's contact person.</summary>
    public bool ContactsShared { get; init; }

    /// <summary>The signing deadline has passed with the winner unsigned: the association may withdraw the award.</summary>
    public bool CanWithdrawAward { get; init; }

    public DateTimeOffset? AwardWithdrawnAt { get; init; }

    public string? AwardWithdrawalReason { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    public string? DeliveryNote { get; init; }

    public int? VisitsMade { get; init; }

    public int? VisitsPlanned { get; init; }

    public DateTimeOffset? AutoCompletesAt { get; init; }

    public DateTimeOffset? ChangesRequestedAt { get; init; }

    public string? ChangesRequestReason { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public bool CompletedAutomatically { get; init; }

    public int? TerminatedById { get; init; }

    public string? TerminationReason { get; init; }
}

public sealed record ContactDto(string Name, string Phone, string Email);

public sealed record AwardRequest(int? BidId, string? Rationale);

public sealed record TermsRequest(PaymentTiming? PaymentTiming, string? PaymentNote, string? Insurance);

public sealed record ContactRequest(string? Name, string? Phone, string? Email);

/// <summary>A reason for a change of course: withdrawing an award, asking for changes, terminating.</summary>
public sealed record ReasonRequest(string? Reason);

public sealed record DeliverRequest(string? Note);
