using Matchboard.Domain.Contracts;

namespace Matchboard.Web.Features.Contracts;

public sealed record ContractDto
{
    public int Id { get; init; }

    public int TaskId { get; init; }

    public required string TaskTitle { get; init; }

    public int BidId { get; init; }

    public int AssociationId { get; init; }

    public required string AssociationName { get; init; }

    public int ProviderId { get; init; }

    public required string ProviderName { get; init; }

    public long AmountYen { get; init; }

    public ContractStatus Status { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? AssociationSignedAt { get; init; }

    public DateTimeOffset? ProviderSignedAt { get; init; }

    public DateTimeOffset? ActivatedAt { get; init; }
}

public sealed record AwardRequest(int? BidId, string? Rationale);
