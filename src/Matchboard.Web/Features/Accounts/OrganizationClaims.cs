using System.Globalization;
using System.Security.Claims;
using Matchboard.Domain.Organizations;

namespace Matchboard.Web.Features.Accounts;

/// <summary>The claims that say which organization a user acts for, read on every request without a query.</summary>
public static class OrganizationClaims
{
    public const string Id = "mb:org";
    public const string Kind = "mb:org_kind";
    public const string DisplayName = "mb:name";

    public static int? OrganizationId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(Id), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static OrganizationKind? OrganizationKind(this ClaimsPrincipal user) =>
        Enum.TryParse<OrganizationKind>(user.FindFirstValue(Kind), out var kind) ? kind : null;

    /// <summary>The organization of a user who must be signed in (the endpoint's policy has already said so).</summary>
    public static int RequiredOrganizationId(this ClaimsPrincipal user) =>
        user.OrganizationId() ?? throw new InvalidOperationException("The endpoint requires a signed-in user.");
}
