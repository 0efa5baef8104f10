using System.Globalization;
using System.Text.RegularExpressions;
using Matchboard.Domain;

namespace Matchboard.Web.Data.Seeding;

/// <summary>Reads seed dates such as "+7d" against the day the database is created, so the demo is always alive.</summary>
internal static partial class RelativeDate
{
    /// <summary>Deadlines fall at five in the afternoon, Kawasaki time.</summary>
    private static readonly TimeSpan DeadlineTime = TimeSpan.FromHours(17);

    public static DateOnly Day(string value, DateOnly today)
    {
        var match = Pattern().Match(value);
        if (!match.Success)
        {
            throw new FormatException($"Seed date '{value}' is not of the form +Nd or -Nd.");
        }

        return today.AddDays(int.Parse(match.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    }

    public static DateTimeOffset Deadline(string value, DateOnly today) =>
        new(Day(value, today).ToDateTime(TimeOnly.FromTimeSpan(DeadlineTime)), JapanTime.Offset);

    [GeneratedRegex(@"^([+-]\d+)d$")]
    private static partial Regex Pattern();
}
