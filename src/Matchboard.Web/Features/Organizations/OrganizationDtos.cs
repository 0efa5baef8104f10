using Matchboard.Domain.Organizations;

namespace Matchboard.Web.Features.Organizations;

/// <summary>The mark as it travels with a group: its dates and whether it is suspended or revoked, from which
/// <see cref="Certification.StateOf"/> (the one rule) gives its state on any day.</summary>
public sealed record CertificationDto
{
    public required string Number { get; init; }

    /// <summary>The first valid day.</summary>
    public DateOnly Issued { get; init; }

    /// <summary>The last valid day.</summary>
    public DateOnly Expires { get; init; }

    public bool IsSuspended { get; init; }

    public bool IsRevoked { get; init; }

    public CertificationState StateOn(DateOnly day) => Certification.StateOf(Issued, Expires, IsSuspended, IsRevoked, day);

    public static CertificationDto? Of(Certification? mark) => mark is null ? null : new CertificationDto
    {
        Number = mark.Number,
        Issued = mark.Issued,
        Expires = mark.Expires,
        IsSuspended = mark.IsSuspended,
        IsRevoked = mark.IsRevoked,
    };
}

public sealed record OrganizationDto
{
    public int Id { get; init; }

    public OrganizationKind Kind { get; init; }

    public required string Name { get; init; }

    public required string Ward { get; init; }

    public required string Town { get; init; }

    public string? Description { get; init; }

    public LegalForm? LegalForm { get; init; }

    public ActivityStyle? ActivityStyle { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> WardsServed { get; init; } = [];

    public int Capacity { get; init; }

    public CertificationDto? Certification { get; init; }

    public bool Verified { get; init; }
}
