using Matchboard.Domain.Notifications;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>
/// A notification committed through the real outbox (save, commit, push, mail), about one of the association's
/// tasks, for kinds no flow on this branch raises yet (the visit alerts).
/// </summary>
public static class TestNotifications
{
    public static async Task CommitAsync(
        MatchboardFactory factory, int associationId, NotificationType type, string title, int? alertId = null, bool isUrgent = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var taskId = await db.Tasks.Where(t => t.AssociationId == associationId).Select(t => t.Id).FirstAsync();
        var outbox = scope.ServiceProvider.GetRequiredService<NotificationOutbox>();
        var now = factory.Clock.GetUtcNow();
        outbox.Add(() => new Notification(associationId, type, taskId, title, now, alertId: alertId, isUrgent: isUrgent));
        await outbox.CommitAsync(CancellationToken.None);
    }
}
