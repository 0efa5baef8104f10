using Matchboard.Domain.Notifications;
using Matchboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Accounts;

/// <summary>A user's own choice of which notifications also come by email; the API and the settings page both use it.</summary>
public sealed class EmailPreferencesService(MatchboardDbContext db)
{
    public async Task<IReadOnlyList<NotificationType>> GetAsync(string userId, CancellationToken ct) =>
        (await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.EmailNotifications).SingleOrDefaultAsync(ct))
        ?? throw new Infrastructure.ResourceNotFoundException();

    /// <summary>Replaces the choice. Any unknown name refuses it all (400) and leaves the stored choice as it was.</summary>
    public async Task<IReadOnlyList<NotificationType>> SetAsync(string userId, IEnumerable<string?>? typeNames, CancellationToken ct)
    {
        var chosen = EmailChoices.Parse(typeNames);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw new Infrastructure.ResourceNotFoundException();

        // Only the user changes their own choice; if two of their tabs save at once, the later one wins.
        user.EmailNotifications = [.. chosen];
        await db.SaveChangesAsync(ct);
        return chosen;
    }
}
