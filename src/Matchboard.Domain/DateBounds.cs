namespace Matchboard.Domain;

/// <summary>
/// The window of days the app accepts anywhere: far wider than any community task, narrow enough that every
/// conversion (to Japan time, adding days, counting weekdays) stays in range. Rules about a particular date
/// (a deadline not in the past, a visit inside the contract) come on top of this.
/// </summary>
public static class DateBounds
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    /// <summary>How far ahead a task may be planned: its deadline, its start and its end at most two years from now.</summary>
    public const int PlanAheadDays = 2 * 366;

    /// <summary>How long a task's period may run: three years, beyond which it is no community task but a standing arrangement.</summary>
    public const int LongestPeriodDays = 3 * 366;

    public static bool Contains(DateOnly day) => day >= Earliest && day <= Latest;

    public static bool Contains(DateTimeOffset instant) =>
        instant.UtcDateTime >= Earliest.ToDateTime(TimeOnly.MinValue) && instant.UtcDateTime <= Latest.ToDateTime(TimeOnly.MaxValue);
}
