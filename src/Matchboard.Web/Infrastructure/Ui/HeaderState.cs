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
}
