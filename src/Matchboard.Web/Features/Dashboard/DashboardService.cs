using Matchboard.Domain;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Matchboard.Domain.Visits;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Complaints;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Dashboard;

/// <summary>
/// The one query layer behind the city's dashboard: the page, its charts, its CSV downloads and the API all read
/// <see cref="DashboardFigures"/> from here. Plain rows are read from the database and aggregated in memory, so that
/// medians, Japan months and the domain's rules (certification, verification) read the same on SQLite and PostgreSQL;
/// a city's data is a few thousand rows.
/// </summary>
public sealed class DashboardService(MatchboardDbContext db, TimeProvider clock, ComplaintService complaints)
{
    /// <summary>How many Japan months the trend shows, this month included.</summary>
    public const int TrendMonths = 12;

    public async Task<DashboardFigures> ComputeAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = JapanTime.DateOf(now);

        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.PublishedAt != null)
            .Select(t => new TaskRow(t.Id, t.Ward, t.Category, t.Status, t.PublishedAt!.Value, t.AwardedAt, t.AwardedBidId, t.BidsOpenedAt, t.BidsRevealedAt, t.CancelledAt))
            .ToListAsync(ct);
        var bids = await db.Bids.AsNoTracking().Select(b => new { b.Id, b.TaskId, b.GroupId }).ToListAsync(ct);
        var groups = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.CivicGroup).ToListAsync(ct);
        var contractTasks = await db.Contracts.AsNoTracking().Select(c => new { c.Id, c.TaskId }).ToDictionaryAsync(c => c.Id, c => c.TaskId, ct);
        var visits = await db.PlannedVisits.AsNoTracking()
            .Where(v => v.Status != PlannedVisitStatus.Cancelled)
            .Select(v => new { v.ContractId, v.Date, v.ReportCount, v.FirstReportedAt, v.MissedAt })
            .ToListAsync(ct);
        var alerts = await db.VisitAlerts.AsNoTracking().Select(a => new { a.ContractId, a.RaisedAt, a.AcknowledgedAt }).ToListAsync(ct);

        // Visits and alerts belong to a contract; their ward is the ward of the contract's task (drafts have no contract).
        var wardOfTask = await db.Tasks.AsNoTracking().Select(t => new { t.Id, t.Ward }).ToDictionaryAsync(t => t.Id, t => t.Ward, ct);
        string WardOfContract(int contractId) =>
            contractTasks.TryGetValue(contractId, out var taskId) && wardOfTask.TryGetValue(taskId, out var ward) ? ward : string.Empty;

        var groupsById = groups.ToDictionary(g => g.Id);
        var bidsByTask = bids.ToLookup(b => b.TaskId);
        var bidGroup = bids.ToDictionary(b => b.Id, b => b.GroupId);

        // Bids per task: only where the bids have opened, so that the dashboard says nothing about a sealed tender.
        var opened = tasks.Where(t => t.BidsOpenedAt is not null).ToList();
        var openedBids = opened.Sum(t => bidsByTask[t.Id].Count());

        var awarded = tasks.Where(t => t.Status == CommunityTaskStatus.Awarded && t.AwardedAt is not null).ToList();
        var toCertified = awarded.Count(t =>
            t.AwardedBidId is { } bidId
            && bidGroup.TryGetValue(bidId, out var groupId)
            && groupsById.TryGetValue(groupId, out var group)
            && group.HasValidCertificationOn(JapanTime.DateOf(t.AwardedAt!.Value)));

        var visitRows = visits
            .GroupBy(v => WardOfContract(v.ContractId))
            .Select(g => new VisitRow(g.Key, g.Count(), g.Count(v => v.Date <= today), g.Count(v => v.ReportCount > 0), g.Count(v => v.MissedAt is not null)))
            .ToList();
        var alertRows = alerts
            .GroupBy(a => WardOfContract(a.ContractId))
            .Select(g => new AlertRow(
                g.Key,
                g.Count(),
                g.Count(a => a.AcknowledgedAt is not null),
                g.Count(a => a.AcknowledgedAt is null),
                Median(g.Where(a => a.AcknowledgedAt is not null).Select(a => (a.AcknowledgedAt!.Value - a.RaisedAt).TotalMinutes))))
            .ToList();

        var months = Enumerable.Range(0, TrendMonths)
            .Select(i => new DateOnly(today.Year, today.Month, 1).AddMonths(i - TrendMonths + 1))
            .Select(MonthKey)
            .ToList();
        var trend = months.Select(m => new MonthRow(
                m,
                tasks.Count(t => MonthOf(t.PublishedAt) == m),
                awarded.Count(t => MonthOf(t.AwardedAt!.Value) == m),
                tasks.Count(t => t.Status == CommunityTaskStatus.Unawarded && (t.BidsRevealedAt ?? t.BidsOpenedAt) is { } at && MonthOf(at) == m),
                tasks.Count(t => t.Status == CommunityTaskStatus.Cancelled && t.CancelledAt is { } at && MonthOf(at) == m),
                visits.Count(v => v.FirstReportedAt is { } at && MonthOf(at) == m),
                alerts.Count(a => MonthOf(a.RaisedAt) == m)))
            .ToList();

        // Coverage: a verified civic group serves a cell when it does that category in that ward.
        var served = groups.Where(g => VerificationRights.MayAskOrBid(g))
            .SelectMany(g => g.WardsServed.SelectMany(w => g.Categories.Select(c => (w, c))))
            .ToHashSet();
        var gaps = tasks
            .Where(t => t.Status is CommunityTaskStatus.Open or CommunityTaskStatus.Unawarded)
            .GroupBy(t => (t.Ward, t.Category))
            .Where(g => !served.Contains(g.Key))
            .Select(g => new CoverageGap(g.Key.Ward, g.Key.Category, g.Count(t => t.Status == CommunityTaskStatus.Open), g.Count(t => t.Status == CommunityTaskStatus.Unawarded)))
            .OrderBy(g => WardOrder(g.Ward)).ThenBy(g => CategoryOrder(g.Category))
            .ToList();

        return new DashboardFigures(
            now,
            Count(string.Empty, tasks),
            tasks.GroupBy(t => t.Ward).Select(g => Count(g.Key, g)).OrderBy(r => WardOrder(r.Key)).ToList(),
            tasks.GroupBy(t => t.Category).Select(g => Count(g.Key, g)).OrderBy(r => CategoryOrder(r.Key)).ToList(),
            Round(Median(awarded.Select(t => (t.AwardedAt!.Value - t.PublishedAt).TotalHours))),
            new BidsPerTask(opened.Count, openedBids, opened.Count == 0 ? null : Math.Round((double)openedBids / opened.Count, 2)),
            new CertifiedShare(awarded.Count, toCertified, awarded.Count == 0 ? null : Math.Round((double)toCertified / awarded.Count, 4)),
            visitRows.OrderBy(r => WardOrder(r.Ward)).ToList(),
            alertRows.Select(r => r with { MedianMinutesToAcknowledge = Round(r.MedianMinutesToAcknowledge) }).OrderBy(r => WardOrder(r.Ward)).ToList(),
            trend,
            gaps,
            (await complaints.CountsAsync(ct)).Open);
    }

    /// <summary>The middle value, or the mean of the two middle ones; null for none.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;

    private static string MonthKey(DateOnly day) => $"{day.Year:D4}-{day.Month:D2}";

    private static string MonthOf(DateTimeOffset instant) => MonthKey(JapanTime.DateOf(instant));

    private static int WardOrder(string ward) => Wards.All.ToList().IndexOf(ward) is var i and >= 0 ? i : int.MaxValue;

    private static int CategoryOrder(string category) => Categories.All.ToList().IndexOf(category) is var i and >= 0 ? i : int.MaxValue;

    private static TaskCountRow Count(string key, IEnumerable<TaskRow> rows)
    {
        var list = rows.ToList();
        return new TaskCountRow(
            key,
            list.Count,
            list.Count(t => t.Status is CommunityTaskStatus.Open or CommunityTaskStatus.Closed),
            list.Count(t => t.Status == CommunityTaskStatus.Awarded),
            list.Count(t => t.Status == CommunityTaskStatus.Unawarded),
            list.Count(t => t.Status == CommunityTaskStatus.Cancelled));
    }

    private sealed record TaskRow(
        int Id,
        string Ward,
        string Category,
        CommunityTaskStatus Status,
        DateTimeOffset PublishedAt,
        DateTimeOffset? AwardedAt,
        int? AwardedBidId,
        DateTimeOffset? BidsOpenedAt,
        DateTimeOffset? BidsRevealedAt,
        DateTimeOffset? CancelledAt);
}
