using System.Globalization;

namespace Matchboard.Domain;

/// <summary>
/// A calendar month (「2027年3月」). The rubric tells how long a mark or an insurance lasts to the month, so two groups
/// whose marks end in the same month are told, and scored, alike.
/// </summary>
public readonly record struct YearMonth(int Year, int Month)
{
    public static YearMonth Of(DateOnly day) => new(day.Year, day.Month);

    public DateOnly FirstDay => new(Year, Month, 1);

    public override string ToString() => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
