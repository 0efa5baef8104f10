using Microsoft.AspNetCore.Identity;

namespace Matchboard.Web.Features.Accounts;

/// <summary>A person who signs in. Every user acts for exactly one organization.</summary>
public class ApplicationUser : IdentityUser
{
    public int OrganizationId { get; set; }

    public string DisplayName { get; set; } = string.Empty;
}
