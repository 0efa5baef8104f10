using System.Globalization;
using System.Security.Claims;
using Matchboard.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matchboard.Web.Features.Accounts;

/// <summary>Puts the user's organization and its kind into the cookie or bearer token at sign-in.</summary>
public sealed class OrganizationClaimsFactory(
    UserManager<ApplicationUser> userManager,
    IOptions<IdentityOptions> options,
    MatchboardDbContext db) : UserClaimsPrincipalFactory<ApplicationUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var kind = await db.Organizations
            .Where(o => o.Id == user.OrganizationId)
            .Select(o => o.Kind)
            .SingleAsync();
        identity.AddClaim(new Claim(OrganizationClaims.Id, user.OrganizationId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(OrganizationClaims.Kind, kind.ToString()));
        identity.AddClaim(new Claim(OrganizationClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
