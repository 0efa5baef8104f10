using Matchboard.Domain.Organizations;

namespace Matchboard.Web.Features.Certifications;

/// <summary>A group's certification mark as city staff see it: its state today (the domain's one rule) and every decision.</summary>
public sealed record CertificationStatusDto
{
    public int OrganizationId { get; init; }

    public required string OrganizationName { get; init; }

    public CertificationState State { get; init; }

    public string? Number { get; init; }

    public DateOnly? ValidFrom { get; init; }

    public DateOnly? ValidTo { get; init; }

    public string? Note { get; init; }

    public string? SuspensionReason { get; init; }

    public string? RevocationReason { get; init; }

    /// <summary>Send it back as <c>version</c> with a decision: a decision made on an older view gets 409.</summary>
    public int Version { get; init; }

    public required IReadOnlyList<CertificationDecisionDto> History { get; init; }
}

public sealed record CertificationDecisionDto
{
    public CertificationDecisionKind Kind { get; init; }

    public required string Number { get; init; }

    public DateOnly ValidFrom { get; init; }

    public DateOnly ValidTo { get; init; }

    public string? Reason { get; init; }

    public required string DecidedBy { get; init; }

    public DateTimeOffset DecidedAt { get; init; }
}

/// <summary>
/// Grant or renew: a group whose mark counts (or has not started yet) gets it renewed to <see cref="ValidTo"/>, with a
/// new number if given; otherwise a new mark is granted from <see cref="ValidFrom"/>.
/// </summary>
public sealed record CertificationGrantRequest(string? Number, DateOnly? ValidFrom, DateOnly? ValidTo, string? Note, int? Version = null);

public sealed record CertificationReasonRequest(string? Reason, int? Version = null);
