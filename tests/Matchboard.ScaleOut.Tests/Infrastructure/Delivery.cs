using Matchboard.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.ScaleOut.Tests.Infrastructure;

/// <summary>
/// What one organization's client ended up with (pushes, then the catch-up from its contiguous mark) against
/// what the database holds for that organization: lost, duplicated, and whether the sequence is 1..N without gaps.
/// </summary>
public sealed record Delivery(int Stored, int Pushed, long Mark, int CaughtUp, int Lost, int DuplicatedInCatchUp, int Phantom, bool GapFree)
{
    /// <summary>
    /// The client's contiguous mark: the highest k such that it holds 1..k (sequences are per organization and
    /// gap-free, so anything above the mark that it does not hold is missed, and <c>?after=mark</c> brings it).
    /// </summary>
    public static long ContiguousMark(IEnumerable<NotificationDto> pushed)
    {
        var held = pushed.Select(n => n.Sequence).ToHashSet();
        long mark = 0;
        while (held.Contains(mark + 1))
        {
            mark++;
        }

        return mark;
    }

    /// <summary>The client catches up from its mark, then it is compared with the database's rows for its organization.</summary>
    public static async Task<Delivery> CheckAsync(Cluster cluster, Session client, HttpClient through, IReadOnlyCollection<NotificationDto> pushed)
    {
        var mark = ContiguousMark(pushed);
        var caughtUp = await client.CatchUpAsync(through, mark);
        var organizationId = client.Member.OrganizationId;
        var stored = await cluster.Market.ReadAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.OrganizationId == organizationId).Select(n => n.Sequence).OrderBy(s => s).ToListAsync());
        var held = pushed.Select(n => n.Sequence).Concat(caughtUp.Select(n => n.Sequence)).ToHashSet();
        return new Delivery(
            stored.Count,
            pushed.Count,
            mark,
            caughtUp.Count,
            Lost: stored.Count(s => !held.Contains(s)),
            DuplicatedInCatchUp: caughtUp.Count - caughtUp.Select(n => n.Sequence).Distinct().Count(),
            Phantom: held.Count(s => !stored.Contains(s)),
            GapFree: stored.SequenceEqual(Enumerable.Range(1, stored.Count).Select(i => (long)i)));
    }
}
