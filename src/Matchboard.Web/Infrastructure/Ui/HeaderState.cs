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

        // One query for both (this runs on every signed-in page): no rows at all means nothing unread and sequence 0.
        var state = await db.Notifications.AsNoTracking()
            .Where(n => n.OrganizationId == organizationId)
            .GroupBy(n => n.OrganizationId)
            .Select(g => new { Unread = g.Count(n => !n.IsRead), Last = g.Max(n => n.Sequence) })
            .SingleOrDefaultAsync(ct);
        return state is null ? (0, 0) : (state.Unread, state.Last);
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
