using Matchboard.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data;

public partial class MatchboardDbContext
{
    /// <summary>Each organization's last notification sequence (see <see cref="NotificationCounter"/>).</summary>
    public DbSet<NotificationCounter> NotificationCounters => Set<NotificationCounter>();
}
