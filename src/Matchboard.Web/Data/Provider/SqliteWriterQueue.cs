using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Matchboard.Web.Data.Provider;

/// <summary>
/// SQLite has one write lock per database file, and the app's transactions take it at their start
/// (Microsoft.Data.Sqlite begins them <c>IMMEDIATE</c>). A transaction that finds it taken waits in SQLite's busy
/// handler, which sleeps and retries in growing steps (up to 100 ms a try) and serves nobody in order: under 16
/// concurrent bidders a request could sleep through several commits of others and the bids' p99 swung from 45 to 819 ms
/// (issue 13). This queue makes the app's own writers wait their turn in process instead, first come first served, and
/// wakes the next one the moment the holder commits or rolls back, so SQLite's lock is free whenever one of ours asks.
/// It changes no transaction: one per state change, begun where it was begun; it only orders their starts.
/// Registered for SQLite only (PostgreSQL has row locks and many writers).
/// </summary>
/// <remarks>
/// One turn per connection: a second transaction on a connection that already holds the turn (begun before the first
/// was released) does not queue behind itself. The turn is given back on commit, rollback, a failed transaction, and
/// when the connection is closed or disposed (a transaction disposed without either closes EF's connection), so an
/// exception cannot keep it. A writer that waited <see cref="SqliteBusyTimeout.Milliseconds"/> goes on without its
/// turn and SQLite's busy handler decides, as before. Writes outside the app's transactions (a lone statement) are not
/// queued: SQLite's handler still covers them.
/// </remarks>
public sealed class SqliteWriterQueue : IDbTransactionInterceptor, IDbConnectionInterceptor
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    private readonly ConditionalWeakTable<DbConnection, Turn> _holders = [];

    // A committed SqliteTransaction no longer knows its connection: the turn is found through the transaction.
    private readonly ConditionalWeakTable<DbTransaction, Turn> _transactions = [];

    private sealed class Turn
    {
        public bool Held;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        var turn = _holders.GetOrCreateValue(connection);
        if (!turn.Held)
        {
            turn.Held = _turn.Wait(SqliteBusyTimeout.Milliseconds);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        var turn = _holders.GetOrCreateValue(connection);
        if (!turn.Held)
        {
            turn.Held = await _turn.WaitAsync(SqliteBusyTimeout.Milliseconds, cancellationToken);
        }

        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        _transactions.AddOrUpdate(result, _holders.GetOrCreateValue(connection));
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction);
        return Task.CompletedTask;
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(connection);
        return Task.CompletedTask;
    }

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(connection);
        return Task.CompletedTask;
    }

    private void Release(DbTransaction transaction)
    {
        if (_transactions.TryGetValue(transaction, out var turn))
        {
            Release(turn);
        }
    }

    private void Release(DbConnection connection)
    {
        if (_holders.TryGetValue(connection, out var turn))
        {
            Release(turn);
        }
    }

    private void Release(Turn turn)
    {
        lock (turn)
        {
            if (!turn.Held)
            {
                return;
            }

            turn.Held = false;
        }

        _turn.Release();
    }
}
