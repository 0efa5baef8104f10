namespace Matchboard.Web.Infrastructure.Idempotency;

/// <summary>
/// A transaction that spans a whole request (opened by <see cref="IdempotentRequests"/> so that the key row and
/// the change it guards commit together). Code that would otherwise commit on its own, like the notification
/// outbox, saves inside it instead and leaves work that must follow the commit (pushes, mail) to
/// <see cref="AfterCommit"/>: it runs only once the transaction has really committed, and never if it rolls back.
/// </summary>
public interface IRequestTransaction
{
    bool IsOpen { get; }

    void AfterCommit(Func<Task> action);
}

public sealed class RequestTransaction : IRequestTransaction
{
    private readonly List<Func<Task>> _afterCommit = [];

    public bool IsOpen { get; private set; }

    public void AfterCommit(Func<Task> action)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("No request transaction is open.");
        }

        _afterCommit.Add(action);
    }

    internal void Open() => IsOpen = true;

    internal async Task CommittedAsync()
    {
        IsOpen = false;
        var actions = _afterCommit.ToList();
        _afterCommit.Clear();
        foreach (var action in actions)
        {
            await action();
        }
    }

    internal void RolledBack()
    {
        IsOpen = false;
        _afterCommit.Clear();
    }
}
