namespace Matchboard.Domain.Tasks;

/// <summary>
/// The weekdays a task's visits fall on (e.g. every Tuesday), chosen when posting. Stored as a bit per day
/// (Sunday = bit 0, as <see cref="DayOfWeek"/> numbers them) so that the pattern is one column.
/// </summary>
public readonly record struct WeekdaySet
{
    private const int AllDays = 0b111_1111;

    public WeekdaySet(int mask)
    {
        Mask = mask & AllDays;
    }

    public int Mask { get; }

    public bool IsEmpty => Mask == 0;

    /// <summary>The chosen days, Monday first as Japanese calendars show them.</summary>
    public IReadOnlyList<DayOfWeek> Days =>
        MondayFirst.Where(Contains).ToList();

    public static IReadOnlyList<DayOfWeek> MondayFirst { get; } =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday,
        DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    public static WeekdaySet Of(IEnumerable<DayOfWeek>? days) =>
        new((days ?? []).Where(Enum.IsDefined).Aggregate(0, (mask, day) => mask | (1 << (int)day)));

    public static WeekdaySet Of(params DayOfWeek[] days) => Of((IEnumerable<DayOfWeek>)days);

    public bool Contains(DayOfWeek day) => (Mask & (1 << (int)day)) != 0;

    /// <summary>Every day of the pattern from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public IEnumerable<DateOnly> DatesBetween(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (Contains(day.DayOfWeek))
            {
                yield return day;
            }
        }
    }

    /// <summary>How many visit days the pattern gives in a period: a task's visitsPlanned.</summary>
    public int CountBetween(DateOnly from, DateOnly to) => DatesBetween(from, to).Count();
}
