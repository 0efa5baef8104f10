using Matchboard.Domain.Notifications;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Notifications;

/// <summary>The notification centre: the organization's latest notifications, and "mark all read".</summary>
[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(MatchboardDbContext db) : PageModel
{
    private const int Shown = 100;

    public IReadOnlyList<Notification> Items { get; private set; } = [];

    public int Unread { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetListAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Partial("_NotificationList", this);
    }

    public async Task<IActionResult> OnPostReadAllAsync(long? upTo, CancellationToken ct)
    {
        var me = User.RequiredOrganizationId();
        var limit = upTo ?? long.MaxValue;
        await db.Notifications
            .Where(n => n.OrganizationId == me && !n.IsRead && n.Sequence <= limit)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.IsRead, true), ct);
        return RedirectToPage("/Notifications/Index");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = User.RequiredOrganizationId();
        var mine = db.Notifications.AsNoTracking().Where(n => n.OrganizationId == me);
        Items = await mine.OrderByDescending(n => n.Sequence).Take(Shown).ToListAsync(ct);
        Unread = await mine.CountAsync(n => !n.IsRead, ct);
    }
}
