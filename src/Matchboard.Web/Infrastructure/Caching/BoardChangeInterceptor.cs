using System.Data.Common;
using System.Runtime.CompilerServices;
using Matchboard.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Matchboard.Web.Infrastructure.Caching;

/// <summary>
/// Evicts the cached board whenever a task is added, changed or removed: published, edited, cancelled, closed by the
/// sweep or by the first read after the deadline, awarded — wherever it happens, since every one of these saves the
/// task. The eviction waits for the commit: at once for a save outside a transaction, else when the transaction
/// commits (nothing on a rollback), so that no request can cache the state from before the commit afterwards.
/// </summary>
public sealed class BoardChangeInterceptor(BoardEviction eviction) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    // Contexts whose saved (not yet committed) changes touched a task.
    private readonly ConditionalWeakTable<DbContext, object> pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (OutsideTransaction(eventData.Context))
        {
            _ = EvictIfPendingAsync(eventData.Context, CancellationToken.None);
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (OutsideTransaction(eventData.Context))
        {
            await EvictIfPendingAsync(eventData.Context, CancellationToken.None);
        }

        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (OutsideTransaction(eventData.Context))
        {
            Forget(eventData.Context);
        }
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        _ = EvictIfPendingAsync(eventData.Context, CancellationToken.None);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        EvictIfPendingAsync(eventData.Context, CancellationToken.None);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static bool OutsideTransaction(DbContext? context) => context?.Database.CurrentTransaction is null;

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<CommunityTask>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            pending.AddOrUpdate(context, this);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            pending.Remove(context);
        }
    }

    private Task EvictIfPendingAsync(DbContext? context, CancellationToken ct) =>
        context is not null && pending.Remove(context) ? eviction.EvictAsync(ct) : Task.CompletedTask;
}
