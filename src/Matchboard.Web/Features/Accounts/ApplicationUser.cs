using Matchboard.Domain.Notifications;
using Microsoft.AspNetCore.Identity;

namespace Matchboard.Web.Features.Accounts;

/// <summary>A person who signs in. Every user acts for exactly one organization.</summary>
public class ApplicationUser : IdentityUser
{
    public int OrganizationId { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>
    /// The notification types this person also wants by email (see <see cref="EmailChoices"/>).
    /// Urgent ones come by email whatever is chosen here.
    /// </summary>
    public List<NotificationType> EmailNotifications { get; set; } = [];
}
