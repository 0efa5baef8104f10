using Matchboard.Domain.Organizations;
using Microsoft.AspNetCore.Authorization;

namespace Matchboard.Web.Features.Accounts;

/// <summary>Role-like policies by organization kind. Object-level checks happen in each feature's service.</summary>
public static class Policies
{
    public const string Officer = nameof(Officer);
    public const string CivicGroup = nameof(CivicGroup);
    public const string CityStaff = nameof(CityStaff);
    public const string Member = nameof(Member);

    public static AuthorizationBuilder AddMatchboardPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Member, p => p.RequireClaim(OrganizationClaims.Id))
        .AddPolicy(Officer, p => p.RequireClaim(OrganizationClaims.Kind, nameof(OrganizationKind.Association)))
        .AddPolicy(CivicGroup, p => p.RequireClaim(OrganizationClaims.Kind, nameof(OrganizationKind.CivicGroup)))
        .AddPolicy(CityStaff, p => p.RequireClaim(OrganizationClaims.Kind, nameof(OrganizationKind.CityOffice)));
}
