using Matchboard.Domain.Organizations;
using Matchboard.Web.Features.Organizations;

namespace Matchboard.Web.Features.Verification;

/// <summary>A document sent for verification; <see cref="Url"/> serves it to its organization and city staff only.</summary>
public sealed record DocumentDto
{
    public int Id { get; init; }

    public DocumentKind Kind { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long Length { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    public string Url => $"/api/verification/documents/{Id}";
}

/// <summary>One decision of city staff, as the record shows it.</summary>
public sealed record DecisionDto
{
    public VerificationOutcome Outcome { get; init; }

    public string? Reason { get; init; }

    public DateTimeOffset DecidedAt { get; init; }

    /// <summary>Who decided (the staff member's email): for city staff only, null in the organization's own view.</summary>
    public string? DecidedBy { get; init; }
}

/// <summary>An organization as city staff review it: what it submitted, its documents and every decision so far.</summary>
public sealed record VerificationEntryDto
{
    public required OrganizationDto Organization { get; init; }

    public VerificationStatus Status { get; init; }

    /// <summary>Send it back with a decision: a decision made on an older version is refused (409).</summary>
    public int Version { get; init; }

    public IReadOnlyList<DocumentDto> Documents { get; init; } = [];

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<DecisionDto> Decisions { get; init; } = [];
}

/// <summary>The organization's own view of its verification: where it stands, the last word from the city, its documents.</summary>
public sealed record MyVerificationDto
{
    public VerificationStatus Status { get; init; }

    public DecisionDto? LastDecision { get; init; }

    public IReadOnlyList<DocumentDto> Documents { get; init; } = [];
}

/// <summary>A decision of city staff: verify, decline (reason), ask for information (the question), suspend (reason), reconsider.</summary>
public sealed record DecideRequest(VerificationOutcome? Decision, string? Reason, int? Version);
