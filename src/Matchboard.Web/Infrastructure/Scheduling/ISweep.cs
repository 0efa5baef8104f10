namespace Matchboard.Web.Infrastructure.Scheduling;

/// <summary>
/// One kind of timed work (closing tasks past their deadline, missed visits, escalations, auto-completion…).
/// A sweep loads each due item, calls the domain's own transition and saves it with the concurrency check,
/// so that when several instances sweep at once, the second save of an item fails and that item is skipped.
/// </summary>
public interface ISweep
{
    /// <summary>Does what is due at <paramref name="now"/> and returns how many items it changed.</summary>
    Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct);
}
