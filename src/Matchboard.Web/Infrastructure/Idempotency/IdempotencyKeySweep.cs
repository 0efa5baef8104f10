using Matchboard.Web.Data;
using Matchboard.Web.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Infrastructure.Idempotency;

/// <summary>
/// Removes keys older than 24 hours. One statement, so that several instances sweeping at once simply
/// delete what is left; a key read meanwhile is already treated as expired by its age.
/// </summary>
public sealed class IdempotencyKeySweep : ISweep
{
    public async Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var expired = now - IdempotentRequests.Lifetime;
        var db = services.GetRequiredService<MatchboardDbContext>();
        return await db.IdempotencyRecords.Where(r => r.CreatedAt < expired).ExecuteDeleteAsync(ct);
    }
}
