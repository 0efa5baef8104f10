namespace Matchboard.Domain;

/// <summary>The kinds of community work, by the code used in data and URLs.</summary>
public static class Categories
{
    public const string WatchOver = "watch-over";
    public const string CrimePatrol = "crime-patrol";
    public const string Cleanup = "cleanup";
    public const string EventSupport = "event-support";
    public const string NoticeDistribution = "notice-distribution";
    public const string DisasterPrep = "disaster-prep";
    public const string ChildSafety = "child-safety";
    public const string ElderlySalon = "elderly-salon";
    public const string WasteStation = "waste-station";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } =
    [
        WatchOver, CrimePatrol, Cleanup, EventSupport, NoticeDistribution,
        DisasterPrep, ChildSafety, ElderlySalon, WasteStation, Other,
    ];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);
}
