using Matchboard.Web.Data;
using Matchboard.Web.Data.Provider;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// SQLite's writers take turns in process (<see cref="SqliteWriterQueue"/>): the next waits for the one before it to end
/// its transaction, however it ends, and PostgreSQL (many writers) has no queue.
/// </summary>
public sealed class SqliteWriterQueueTests
{
    // Far below the queue's own 30 s limit: a turn that is not given back shows as a writer still waiting.
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task OnlySqliteQueuesItsWriters()
    {
        await using var factory = new MatchboardFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var interceptors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.Interceptors ?? [];

        Assert.Equal(factory.Provider == DatabaseProvider.Sqlite, interceptors.OfType<SqliteWriterQueue>().Any());
    }

    [Fact]
    public async Task AWriterGoesAsSoonAsTheOneBeforeItCommits()
    {
        await using var factory = new MatchboardFactory();
        await using var first = factory.Services.CreateAsyncScope();
        await using var second = factory.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<MatchboardDbContext>();

        var transaction = await firstDb.Database.BeginTransactionAsync();
        // Microsoft.Data.Sqlite begins synchronously: the waiting writer gets a thread of its own.
        var next = Task.Run(() => secondDb.Database.BeginTransactionAsync());
        await transaction.CommitAsync();
        await transaction.DisposeAsync();

        await using var nextTransaction = await next.WaitAsync(Promptly);
        await nextTransaction.CommitAsync();
    }

    [Fact]
    public async Task ATransactionEndedWithoutCommitOrRollbackGivesTheTurnBack()
    {
        await using var factory = new MatchboardFactory();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
            await using var abandoned = await db.Database.BeginTransactionAsync();
            // Disposed here without commit or rollback, as when an exception leaves its using block.
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
            await using var abandoned = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("SELECT 1");
            // The context is disposed with its transaction still open (its connection goes with it).
        }

        await using var after = factory.Services.CreateAsyncScope();
        var afterDb = after.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        await using var transaction = await Task.Run(() => afterDb.Database.BeginTransactionAsync()).WaitAsync(Promptly);
        await transaction.CommitAsync();
    }

    [Fact]
    public async Task AFailedSaveInsideATransactionGivesTheTurnBack()
    {
        await using var factory = new MatchboardFactory();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("INSERT INTO NoSuchTable VALUES (1)"));
        }

        await using var after = factory.Services.CreateAsyncScope();
        var afterDb = after.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        await using var next = await Task.Run(() => afterDb.Database.BeginTransactionAsync()).WaitAsync(Promptly);
        await next.CommitAsync();
    }
}
