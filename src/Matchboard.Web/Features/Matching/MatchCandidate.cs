using System.Linq.Expressions;
using Matchboard.Domain.Organizations;

namespace Matchboard.Web.Features.Matching;

/// <summary>
/// An organization as a task's ranking reads it: the columns the score, the eligibility rule and the "groups that fit"
/// list use, and nothing else (not the 40 columns of the entity, nor its certification history). Thousands are read
/// per ranking, so they are read as these values (<see cref="Columns"/>), and the rules take them as
/// <see cref="Standing"/>: the domain's value form of the same rules the entity's methods call.
/// </summary>
public sealed record MatchCandidate(
    int Id,
    string Name,
    string Ward,
    LegalForm? LegalForm,
    OrganizationKind Kind,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> WardsServed,
    int Capacity,
    bool IsVerified,
    DateOnly? CertificationIssued,
    DateOnly? CertificationExpires,
    bool CertificationSuspended,
    bool CertificationRevoked,
    DateOnly? InsuredUntil)
{
    /// <summary>The query's projection: what the ranking reads (the benchmark's floor reads the same).</summary>
    public static Expression<Func<Organization, MatchCandidate>> Columns { get; } = o => new MatchCandidate(
        o.Id,
        o.Name,
        o.Ward,
        o.LegalForm,
        o.Kind,
        o.Categories,
        o.WardsServed,
        o.Capacity,
        o.IsVerified,
        (DateOnly?)o.Certification!.Issued,
        (DateOnly?)o.Certification!.Expires,
        o.Certification!.SuspendedAt != null,
        o.Certification!.RevokedAt != null,
        (DateOnly?)o.Insurance!.ValidUntil);

    /// <summary>The mark, when the group has one (its first and last days are set together).</summary>
    public CertificationMark? Certification => CertificationIssued is { } issued && CertificationExpires is { } expires
        ? new CertificationMark(issued, expires, CertificationSuspended, CertificationRevoked)
        : null;

    public OrganizationStanding Standing => new(Kind, IsVerified, Certification, InsuredUntil);

    /// <summary>The wards it serves for matching (<see cref="Matching.ServedWards"/>).</summary>
    public IReadOnlyList<string> ServedWards => Matching.ServedWards.Of(Kind, Ward, WardsServed);
}
