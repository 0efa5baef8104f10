using System.Globalization;

namespace Matchboard.Domain.Tasks;

/// <summary>
/// The fields of a task as its history records them: the API's name, the value as invariant text, and
/// whether changing it changes the terms a bid was made for. The terms are everything about the work and
/// what is asked of the group (where, what, when, how often, for how much, with which certification and
/// insurance, for how many households); the title, the description's wording and the bid deadline are not:
/// fixing a typo or giving more time asks no bidder to look again.
/// </summary>
public static class TaskFields
{
    private static readonly (string Field, bool Terms, Func<TaskDetails, string> Value)[] All =
    [
        ("title", false, d => d.Title.Trim()),
        ("description", false, d => d.Description.Trim()),
        ("category", true, d => d.Category),
        ("ward", true, d => d.Ward),
        ("town", true, d => d.Town.Trim()),
        ("startDate", true, d => Day(d.StartDate)),
        ("endDate", true, d => Day(d.EndDate)),
        ("visitWeekdays", true, d => string.Join(",", d.VisitWeekdays.Days)),
        ("visitsPlanned", true, d => Number(d.VisitsPlanned)),
        ("isVolunteer", true, d => Flag(d.IsVolunteer)),
        ("feeYen", true, d => Number(d.FeeYen)),
        ("bidDeadline", false, d => d.BidDeadline.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        ("certificationRequired", true, d => Flag(d.CertificationRequired)),
        ("insuranceRequired", true, d => Flag(d.InsuranceRequired)),
        ("householdsServed", true, d => Number(d.HouseholdsServed)),
    ];

    /// <summary>Every field whose value differs, in the order the form asks for them.</summary>
    public static IReadOnlyList<(string Field, string OldValue, string NewValue, bool ChangesTerms)> Differences(TaskDetails before, TaskDetails after) =>
        All.Select(f => (f.Field, Old: f.Value(before), New: f.Value(after), f.Terms))
            .Where(f => f.Old != f.New)
            .Select(f => (f.Field, f.Old, f.New, f.Terms))
            .ToList();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Flag(bool value) => value ? "true" : "false";
}
