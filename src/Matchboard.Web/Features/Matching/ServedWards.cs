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

    /// <summary>
    /// Organizations of <paramref name="kind"/> that serve at least one of <paramref name="wards"/>, as a query: the
    /// kind is known before the query, so the database reads only that kind's column.
    /// </summary>
    public static Expression<Func<Organization, bool>> IncludeAny(OrganizationKind kind, IReadOnlyCollection<string> wards) =>
        kind == OrganizationKind.Supporter
            ? o => wards.Contains(o.Ward)
            : o => o.WardsServed.Any(w => wards.Contains(w));
}
