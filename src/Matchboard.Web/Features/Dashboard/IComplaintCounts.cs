namespace Matchboard.Web.Features.Dashboard;

/// <summary>
/// How many complaints (苦情) wait for the city's answer, for the dashboard. The complaints feature provides the real
/// count; until it is registered, <see cref="NoComplaintCounts"/> stands in.
/// </summary>
public interface IComplaintCounts
{
    Task<int> OpenCountAsync(CancellationToken ct);
}

/// <summary>The stand-in while no complaints are kept: none open.</summary>
public sealed class NoComplaintCounts : IComplaintCounts
{
    public Task<int> OpenCountAsync(CancellationToken ct) => Task.FromResult(0);
}
