namespace Matchboard.Web.Features.Dashboard;

/// <summary>
/// The city's dashboard (状況の一覧): every figure the page, its charts, its CSV downloads and the API show,
/// computed once by <see cref="DashboardService"/>. Counts of tasks count only published tasks (a draft was never posted).
/// </summary>
public sealed record DashboardFigures(
    DateTimeOffset ComputedAt,
    TaskCountRow Totals,
    IReadOnlyList<TaskCountRow> ByWard,
    IReadOnlyList<TaskCountRow> ByCategory,
    double? MedianHoursToAward,
    BidsPerTask Bids,
    CertifiedShare Certified,
    IReadOnlyList<VisitRow> VisitsByWard,
    IReadOnlyList<AlertRow> AlertsByWard,
    IReadOnlyList<MonthRow> Trend,
    IReadOnlyList<CoverageGap> CoverageGaps,
    int OpenComplaints);

/// <summary>
/// Tasks by their state now. <paramref name="Key"/> is a ward or category code (empty for the totals); InProgress is
/// open for bids or waiting for the association's decision.
/// </summary>
public sealed record TaskCountRow(string Key, int Posted, int InProgress, int Awarded, int Unawarded, int Cancelled);

/// <summary>Bids on the tasks whose bids have opened (the deadline passed): withdrawn bids are counted too.</summary>
public sealed record BidsPerTask(int Tasks, int Bids, double? Average);

/// <summary>Awarded tasks whose winning group held a valid city certification on the day of the award.</summary>
public sealed record CertifiedShare(int Awarded, int ToCertifiedGroups, double? Share);

/// <summary>Planned visits (not cancelled) by the ward of their task: those due by today, and those reported (made).</summary>
public sealed record VisitRow(string Ward, int Planned, int Due, int Made, int Missed);

/// <summary>Alerts by the ward of their task; the median is over acknowledged alerts, in minutes.</summary>
public sealed record AlertRow(string Ward, int Raised, int Acknowledged, int Open, double? MedianMinutesToAcknowledge);

/// <summary>One Japan month (<c>yyyy-MM</c>): tasks posted, awarded, ended unawarded, cancelled; visits made; alerts raised.</summary>
public sealed record MonthRow(string Month, int Posted, int Awarded, int Unawarded, int Cancelled, int VisitsMade, int AlertsRaised);

/// <summary>A ward and category with open or unawarded tasks and no verified group serving it.</summary>
public sealed record CoverageGap(string Ward, string Category, int OpenTasks, int UnawardedTasks);
