using Matchboard.Domain.Organizations;

namespace Matchboard.Web.Features.Directory;

/// <summary>The directory's filters: a ward the group serves, a category it offers, and the page.</summary>
public sealed record GroupDirectoryQuery(string? Ward, string? Category, int? Page, int? PageSize);

/// <summary>
/// The state of a group's certification mark as the public sees it today. <c>Valid</c> (with its last day),
/// <c>Expired</c>, or <c>None</c>. Computed in <see cref="DirectoryCertification"/> only.
/// </summary>
public sealed record DirectoryCertificationDto(string State, DateOnly? ValidUntil);

/// <summary>One verified civic group in the public directory: what it is and does, nothing about its people.</summary>
public sealed record PublicGroupDto(
    int Id,
    string Name,
    string Ward,
    LegalForm? LegalForm,
    ActivityStyle? ActivityStyle,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> WardsServed,
    DirectoryCertificationDto Certification,
    int CompletedContracts);
