using Matchboard.Domain.Contracts;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Contracts;

/// <summary>
/// Completes deliveries the association left undecided for 14 days. Each contract is completed in a scope
/// and transaction of its own, through the domain's transition and the contract's version check: when two
/// sweepers (or a sweeper and an officer) race, the second save fails and writes no second notification.
/// </summary>
public sealed class AutoCompletionSweep : ISweep
{
    public async Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<MatchboardDbContext>();

        // Only delivered contracts can be due, and there are few; the rule itself is the domain's.
        var delivered = await db.Contracts.AsNoTracking().Where(c => c.Status == ContractStatus.Delivered).ToListAsync(ct);
        var completed = 0;
        foreach (var id in delivered.Where(c => c.IsDueForAutoCompletion(now)).Select(c => c.Id))
        {
            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            try
            {
                completed += await CompleteAsync(scope.ServiceProvider, id, now, ct) ? 1 : 0;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone else completed, accepted or sent it back meanwhile.
            }
        }

        return completed;
    }

    private static async Task<bool> CompleteAsync(IServiceProvider services, int contractId, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<MatchboardDbContext>();
        var contract = await db.Contracts.Include(c => c.Task).SingleAsync(c => c.Id == contractId, ct);
        if (!contract.IsDueForAutoCompletion(now))
        {
            return false;
        }

        contract.CompleteAutomatically(now);
        var outbox = services.GetRequiredService<NotificationOutbox>();
        outbox.Add(() => new[] { contract.AssociationId, contract.ProviderId }.Select(party =>
            new Notification(party, NotificationType.ContractCompleted, contract.TaskId, contract.Task!.Title, now, contract.BidId, contract.Id)));
        await outbox.CommitAsync(ct);
        return true;
    }
}
