using Matchboard.Domain;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Certifications;

/// <summary>
/// The certification mark's timed work: tells the group 60 and 14 days before its mark expires (once each), and
/// carries out the lapse once the mark has expired (live bids on tasks requiring it withdrawn, associations told).
/// Each group is handled in a scope and transaction of its own, recorded on the group and guarded by its version:
/// when several instances sweep at once, the second save for a group fails and sends nothing twice.
/// </summary>
public sealed class CertificationSweep : ISweep
{
    public async Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var today = JapanTime.DateOf(now);
        var noticeFrom = today.AddDays(Certification.ExpiryNoticeDays.Max());

        // Only marks within the notice window or past their last day can be due; the rules themselves are the domain's.
        var candidates = await services.GetRequiredService<MatchboardDbContext>().Organizations.AsNoTracking()
            .Where(o => o.Certification != null && o.Certification.RevokedAt == null && o.Certification.Expires <= noticeFrom)
            .ToListAsync(ct);
        var done = 0;
        foreach (var id in candidates.Where(o => IsDue(o, today)).Select(o => o.Id))
        {
            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            try
            {
                done += await HandleAsync(scope.ServiceProvider, id, now, ct) ? 1 : 0;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance, or a city staff decision, changed the group first; the next tick looks again.
            }
        }

        return done;
    }

    private static bool IsDue(Organization group, DateOnly today) =>
        group.Certification is { } mark && (mark.ExpiryNoticeDueOn(today) is not null || mark.IsExpiryLapseDueOn(today));

    private static async Task<bool> HandleAsync(IServiceProvider services, int groupId, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<MatchboardDbContext>();
        var outbox = services.GetRequiredService<NotificationOutbox>();
        var today = JapanTime.DateOf(now);
        var group = await db.Organizations.SingleAsync(o => o.Id == groupId, ct);
        if (group.Certification is not { } mark)
        {
            return false;
        }

        if (mark.ExpiryNoticeDueOn(today) is { } days)
        {
            group.RecordCertificationExpiryNotice(days, today);
            outbox.Add(() => new Notification(group.Id, NotificationType.CertificationExpiring, taskId: null, group.Name, now, path: CertificationNotices.ProfilePath));
        }
        else if (mark.IsExpiryLapseDueOn(today))
        {
            group.RecordCertificationExpiryLapse(today);
            outbox.Add(() => new Notification(group.Id, NotificationType.CertificationExpired, taskId: null, group.Name, now, path: CertificationNotices.ProfilePath));
            await services.GetRequiredService<CertificationService>().LapseAsync(group, now, outbox, ct);
        }
        else
        {
            return false;
        }

        await outbox.CommitAsync(ct);
        return true;
    }
}
