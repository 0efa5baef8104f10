using Matchboard.Domain.Organizations;

namespace Matchboard.Web.Features.Organizations;

public sealed record CertificationDto
{
    public required string Number { get; init; }

    public DateOnly Issued { get; init; }

    public DateOnly Expires { get; init; }
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
