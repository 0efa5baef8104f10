using Matchboard.Domain.Organizations;
using Microsoft.AspNetCore.Authorization;

namespace Matchboard.Web.Features.Accounts;

/// <summary>Role-like policies by organization kind. Object-level checks happen in each feature's service.</summary>
public static class Policies
{
    public const string Officer = nameof(Officer);
    public const string CivicGroup = nameof(CivicGroup);
    public const string CityStaff = nameof(CityStaff);

    /// <summary>Any signed-in user, individual supporters included: their own account, notifications, the board.</summary>
    public const string Member = nameof(Member);

    /// <summary>An individual supporter (a one-person organization): tasks and its own support requests, nothing else.</summary>
    public const string Supporter = nameof(Supporter);

    /// <summary>
    /// A user of an association, a civic group or the city office: the contracts, their work (visits, households,
    /// alerts) and reviews. Not an individual supporter, who never sees bids, contracts, visits or households.
    /// </summary>
    public const string Marketplace = nameof(Marketplace);

    public static AuthorizationBuilder AddMatchboardPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Member, p => p.RequireClaim(OrganizationClaims.Id))
        .AddPolicy(Officer, p => p.RequireClaim(OrganizationClaims.Kind, nameof(OrganizationKind.Association)))
        .AddPolicy(CivicGroup, p => p.RequireClaim(OrganizationClaims.Kind, nameof(OrganizationKind.CivicGroup)))
        .AddPolicy(CityStaff, p => p.RequireClaim(OrganizationClaims.Kind, nameof(OrganizationKind.CityOffice)))
        .AddPolicy(Supporter, p => p.RequireClaim(OrganizationClaims.Kind, nameof(OrganizationKind.Supporter)))
        .AddPolicy(Marketplace, p => p.RequireClaim(
            OrganizationClaims.Kind,
            nameof(OrganizationKind.Association),
            nameof(OrganizationKind.CivicGroup),
            nameof(OrganizationKind.CityOffice)));
}
