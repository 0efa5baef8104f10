using Matchboard.Domain.Organizations;
using System.Security.Claims;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Infrastructure.Ui;

/// <summary>What the layout needs for a signed-in user: the unread count and the latest notification sequence.</summary>
public sealed class HeaderState(MatchboardDbContext db)
{
    public async Task<(int Unread, long LastSequence)> GetAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.OrganizationId() is not { } organizationId)
        {
            return (0, 0);
        }

        var mine = db.Notifications.AsNoTracking().Where(n => n.OrganizationId == organizationId);
        var unread = await mine.CountAsync(n => !n.IsRead, ct);
        var last = await mine.MaxAsync(n => (long?)n.Sequence, ct) ?? 0;
        return (unread, last);
    }

    /// <summary>
    /// Where the signed-in member's organization stands with 市による確認 when it is not verified (the layout says what
    /// is pending on every page); null when verified, for the city office and for visitors.
    /// </summary>
    public async Task<VerificationStatus?> PendingVerificationAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.OrganizationId() is not { } organizationId || user.OrganizationKind() == OrganizationKind.CityOffice)
        {
            return null;
        }

        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        return organization is { IsVerified: false } ? organization.VerificationStatus : null;
    }
}
