using System.Linq.Expressions;
using Matchboard.Domain.Organizations;

namespace Matchboard.Web.Features.Matching;

/// <summary>
/// The wards an organization serves, for matching: a civic group the wards it declared (<see cref="Organization.WardsServed"/>);
/// an individual supporter, who declares none, its own home ward (<see cref="Organization.Ward"/>). The one place for it:
/// the rubric's input (<see cref="Of"/>) and the database's candidate filter (<see cref="IncludeAny"/>) say the same.
/// </summary>
public static class ServedWards
{
    public static IReadOnlyList<string> Of(Organization organization) => Of(organization.Kind, organization.Ward, organization.WardsServed);

    public static IReadOnlyList<string> Of(OrganizationKind kind, string ward, IReadOnlyList<string> wardsServed) =>
        kind == OrganizationKind.Supporter ? [ward] : wardsServed;

    /// <summary>Organizations that serve at least one of <paramref name="wards"/>, as a query.</summary>
    public static Expression<Func<Organization, bool>> IncludeAny(IReadOnlyCollection<string> wards) =>
        o => (o.Kind == OrganizationKind.Supporter && wards.Contains(o.Ward))
            || (o.Kind != OrganizationKind.Supporter && o.WardsServed.Any(w => wards.Contains(w)));
}
