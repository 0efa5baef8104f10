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

    /// <summary>When the person joined by an invitation; null for accounts made otherwise (the seed, the admin command), which count as earliest.</summary>
    public DateTimeOffset? JoinedAt { get; set; }

    /// <summary>
    /// Set while the account is switched off (a member who left, removed from the team, or deactivated by city staff):
    /// it cannot sign in, and every cookie and token it had stops on the next request. Who, when and why: <see cref="AccountEvent"/>.
    /// </summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    public bool IsActive => DeactivatedAt is null;
}
