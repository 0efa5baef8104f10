using System.Globalization;
using Matchboard.Web.Infrastructure.Localization;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Dashboard;

/// <summary>One table of the dashboard: what the page shows beside its chart and what its CSV download holds.</summary>
public sealed record DashboardTable(
    string Id, string Title, string Lead, IReadOnlyList<string> Columns, IReadOnlyList<DashboardTableRow> Rows, IReadOnlyList<int> ChartColumns)
{
    /// <summary>A cell as written in the table and the CSV: numbers plainly (invariant), an empty cell for no value.</summary>
    public static string Cell(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : string.Empty;
}

/// <summary>The first cell names the row (a ward, a category, a month); the others are its figures, one per further column.</summary>
public sealed record DashboardTableRow(string Label, IReadOnlyList<double?> Values);

/// <summary>The figures laid out as the page's tables, in the reader's language; the CSV downloads write the same tables.</summary>
public sealed class DashboardTables(IStringLocalizer<UiText> text, UiFormat ui)
{
    public static readonly IReadOnlyList<string> Ids = ["summary", "wards", "categories", "visits", "alerts", "trend", "gaps"];

    public IReadOnlyList<DashboardTable> All(DashboardFigures f) =>
    [
        Summary(f), Wards(f), CategoriesTable(f), Visits(f), Alerts(f), Trend(f), Gaps(f),
    ];

    public DashboardTable? ById(DashboardFigures f, string? id) => All(f).FirstOrDefault(t => t.Id == id);

    private string[] TaskColumns(string first) =>
    [
        first, text["dashboard.col.posted"], text["dashboard.col.in-progress"], text["dashboard.col.awarded"],
        text["dashboard.col.unawarded"], text["dashboard.col.cancelled"],
    ];

    private static double?[] TaskValues(TaskCountRow r) => [r.Posted, r.InProgress, r.Awarded, r.Unawarded, r.Cancelled];

    private DashboardTable Summary(DashboardFigures f) => new(
        "summary",
        text["dashboard.summary"],
        text["dashboard.summary-lead"],
        [text["dashboard.col.figure"], text["dashboard.col.value"]],
        [
            new(text["dashboard.col.posted"], [f.Totals.Posted]),
            new(text["dashboard.col.awarded"], [f.Totals.Awarded]),
            new(text["dashboard.col.unawarded"], [f.Totals.Unawarded]),
            new(text["dashboard.col.cancelled"], [f.Totals.Cancelled]),
            new(text["dashboard.median-hours"], [f.MedianHoursToAward]),
            new(text["dashboard.bids-per-task"], [f.Bids.Average]),
            new(text["dashboard.certified-share"], [f.Certified.Share is { } s ? Math.Round(s * 100, 1) : null]),
            new(text["dashboard.complaints"], [f.OpenComplaints]),
        ],
        []);

    private DashboardTable Wards(DashboardFigures f) => new(
        "wards", text["dashboard.by-ward"], text["dashboard.by-ward-lead"], TaskColumns(text["dashboard.col.ward"]),
        f.ByWard.Select(r => new DashboardTableRow(ui.Ward(r.Key), TaskValues(r))).ToList(), [1, 3]);

    private DashboardTable CategoriesTable(DashboardFigures f) => new(
        "categories", text["dashboard.by-category"], text["dashboard.by-category-lead"], TaskColumns(text["dashboard.col.category"]),
        f.ByCategory.Select(r => new DashboardTableRow(ui.Category(r.Key), TaskValues(r))).ToList(), [1, 3]);

    private DashboardTable Visits(DashboardFigures f) => new(
        "visits", text["dashboard.visits"], text["dashboard.visits-lead"],
        [text["dashboard.col.ward"], text["dashboard.col.planned"], text["dashboard.col.due"], text["dashboard.col.made"], text["dashboard.col.missed"]],
        f.VisitsByWard.Select(r => new DashboardTableRow(ui.Ward(r.Ward), [r.Planned, r.Due, r.Made, r.Missed])).ToList(), [2, 3]);

    private DashboardTable Alerts(DashboardFigures f) => new(
        "alerts", text["dashboard.alerts"], text["dashboard.alerts-lead"],
        [text["dashboard.col.ward"], text["dashboard.col.raised"], text["dashboard.col.acknowledged"], text["dashboard.col.open"], text["dashboard.col.median-minutes"]],
        f.AlertsByWard.Select(r => new DashboardTableRow(ui.Ward(r.Ward), [r.Raised, r.Acknowledged, r.Open, r.MedianMinutesToAcknowledge])).ToList(), [1, 2]);

    private DashboardTable Trend(DashboardFigures f) => new(
        "trend", text["dashboard.trend"], text["dashboard.trend-lead"],
        [
            text["dashboard.col.month"], text["dashboard.col.posted"], text["dashboard.col.awarded"], text["dashboard.col.unawarded"],
            text["dashboard.col.cancelled"], text["dashboard.col.made"], text["dashboard.col.raised"],
        ],
        f.Trend.Select(r => new DashboardTableRow(r.Month, [r.Posted, r.Awarded, r.Unawarded, r.Cancelled, r.VisitsMade, r.AlertsRaised])).ToList(), [1, 2]);

    private DashboardTable Gaps(DashboardFigures f) => new(
        "gaps", text["dashboard.gaps"], text["dashboard.gaps-lead"],
        [text["dashboard.col.ward-category"], text["dashboard.col.open-tasks"], text["dashboard.col.unawarded"]],
        f.CoverageGaps.Select(g => new DashboardTableRow($"{ui.Ward(g.Ward)}・{ui.Category(g.Category)}", [g.OpenTasks, g.UnawardedTasks])).ToList(), [1, 2]);
}
