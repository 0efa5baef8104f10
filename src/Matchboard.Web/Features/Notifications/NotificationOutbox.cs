using System.Security.Claims;
using AutoMapper;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Floors;
using Matchboard.Web.Infrastructure.Idempotency;

namespace Matchboard.Web.Features.Notifications;

/// <summary>
/// Notifications are rows written in the same transaction as the change that causes them, numbered per organization
/// in that transaction, and pushed only once it has committed: a push never announces a change that was rolled back,
/// and a client that missed a push (or got it out of order) finds the row with <c>?after=</c>.
/// <para>
/// After the commit nothing stands between it and the pushes: each push's DTO is made inside the transaction once the
/// rows are numbered, and the organizations are pushed to all at once (a new task tells a thousand groups; with the
/// Redis backplane each send is a round trip), each organization's own notifications one after another in sequence
/// order. Mail follows once every push has gone out.
/// </para>
/// </summary>
public sealed class NotificationOutbox(
    MatchboardDbContext db,
    INotificationSender sender,
    NotificationMailer mailer,
    IMapper mapper,
    IHttpContextAccessor httpContext,
    IRequestTransaction requestTransaction,
    ILogger<NotificationOutbox> logger,
    NotificationCommits? commits = null)
{
    private readonly List<Func<IEnumerable<Notification>>> _factories = [];

    /// <summary>
    /// Queues notifications. They are created after the change is saved, inside the same transaction,
    /// so that they can name the ids of rows the change has just inserted.
    /// </summary>
    public void Add(Func<IEnumerable<Notification>> create) => _factories.Add(create);

    public void Add(Func<Notification> create) => _factories.Add(() => [create()]);

    /// <summary>
    /// Saves the change and its notifications in one transaction, then pushes and mails them. The queued notifications
    /// belong to this change: if it fails they go with it, so that a caller that retries queues its own anew.
    /// </summary>
    public Task CommitAsync(CancellationToken cancellationToken) => CommitAsync(null, cancellationToken);

    /// <summary>
    /// The same, with <paramref name="inside"/> run first inside the transaction: for a change that saves on its own
    /// (Identity's UserManager saves as it goes), so that it commits with the rest or not at all.
    /// </summary>
    public async Task CommitAsync(Func<Task>? inside, CancellationToken cancellationToken)
    {
        var factories = _factories.ToList();
        _factories.Clear();
        List<Notification> notifications;
        List<(Notification Stored, NotificationDto Pushed)> deliveries;

        // Inside a request-wide transaction (an idempotency key's), save in it and leave the commit to its owner.
        var joined = requestTransaction.IsOpen;
        await using (var transaction = joined ? null : await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (inside is not null)
            {
                await inside();
            }

            await db.SaveChangesAsync(cancellationToken);
            notifications = factories.SelectMany(create => create()).ToList();
            // The notifications a request sends to its own organization name the user who made it, so that
            // person's page shows no notice of their own action. Other organizations are not told who it was
            // (no user id crosses organizations); a sweep has no request and no actor.
            var user = httpContext.HttpContext?.User;
            if (user?.FindFirstValue(ClaimTypes.NameIdentifier) is { } actor && user.OrganizationId() is { } actorOrganization)
            {
                notifications.Where(n => n.OrganizationId == actorOrganization).ToList().ForEach(n => n.AttributeTo(actor));
            }
            // Numbered here, inside the transaction, so that numbers follow commit order (NotificationSequencer).
            await NotificationSequencer.NumberAsync(db, notifications, cancellationToken);
            // What the pushes send, made now so that the commit is followed by the sends alone.
            deliveries = notifications.Select(n => (n, mapper.Map<NotificationDto>(n))).ToList();
            db.Notifications.AddRange(notifications);
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        if (joined)
        {
            // Pushed and mailed only once the owner has really committed; never if it rolls back.
            requestTransaction.AfterCommit(() => DeliverAsync(notifications, deliveries));
            return;
        }

        await DeliverAsync(notifications, deliveries);
    }

    /// <summary>Pushes and mails committed notifications; a failure is logged, never the user's error.</summary>
    private async Task DeliverAsync(List<Notification> notifications, List<(Notification Stored, NotificationDto Pushed)> deliveries)
    {
        commits?.Committed(notifications);
        if (deliveries.Count == 1)
        {
            await PushAsync(deliveries[0].Stored.OrganizationId, deliveries);
        }
        else if (deliveries.Count > 1)
        {
            // Every organization at once; within one, in sequence order (a client takes pushes in order, ?after= mends a gap).
            await Task.WhenAll(deliveries.GroupBy(d => d.Stored.OrganizationId).Select(o => PushAsync(o.Key, o)));
        }

        try
        {
            // Mail too is sent only after the commit, and its failure is the mailer's log line, not the user's error.
            await mailer.MailAsync(notifications, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Mailing {Count} notifications failed; they stay in the notification centre", notifications.Count);
        }
    }

    private async Task PushAsync(int organizationId, IEnumerable<(Notification Stored, NotificationDto Pushed)> deliveries)
    {
        foreach (var (stored, pushed) in deliveries)
        {
            try
            {
                // The change is committed: a failed push must not turn it into an error for the user.
                await sender.SendAsync(organizationId, pushed, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Push of notification {Sequence} failed; the client recovers it with ?after=", stored.Sequence);
            }
        }
    }
}
