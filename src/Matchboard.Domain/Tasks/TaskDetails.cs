namespace Matchboard.Domain.Tasks;

/// <summary>What an association asks for: everything it writes when posting a task.</summary>
public sealed record TaskDetails(
    string Title,
    string Description,
    string Category,
    string Ward,
    string Town,
    DateOnly StartDate,
    DateOnly EndDate,
    int VisitsPlanned,
    bool IsVolunteer,
    long FeeYen,
    DateTimeOffset BidDeadline,
    bool CertificationRequired,
    bool InsuranceRequired,
    int HouseholdsServed,
    WeekdaySet VisitWeekdays)
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 2000;
    public const int TownMaxLength = 40;
    public const long FeeMaxYen = 100_000_000;

    /// <summary>A task whose visits go to households (見守り先) rather than being one shift a day.</summary>
    public static bool HasHouseholds(string category) => category == Categories.WatchOver;

    /// <summary>More households than any neighbourhood association has (Kawasaki's largest have a few thousand).</summary>
    public const int HouseholdsMax = 10_000;

    public IReadOnlyList<FieldError> Validate(DateTimeOffset now)
    {
        // Out-of-window dates are reported and keep the other date rules (and their conversions) from running.
        var datesInRange = DateBounds.Contains(StartDate) && DateBounds.Contains(EndDate) && DateBounds.Contains(BidDeadline);
        var today = JapanTime.DateOf(now);
        var periodFits = datesInRange && EndDate >= StartDate && EndDate.DayNumber - StartDate.DayNumber <= DateBounds.LongestPeriodDays;
        return new Validation()
            .Text("title", Title, TitleMaxLength, singleLine: true)
            .Text("description", Description, DescriptionMaxLength)
            .Check(Categories.IsKnown(Category), "category", "unknown-category")
            .Check(Wards.IsKnown(Ward), "ward", "unknown-ward")
            .Text("town", Town, TownMaxLength, singleLine: true)
            .Check(FeeYen >= 0, "feeYen", "negative")
            .Check(FeeYen <= FeeMaxYen, "feeYen", "too-large", FeeMaxYen)
            .Date("startDate", StartDate)
            .Date("endDate", EndDate)
            .Date("bidDeadline", BidDeadline)
            .Check(VisitsPlanned >= 1, "visitsPlanned", "at-least-one")
            .Check(!VisitWeekdays.IsEmpty, "visitWeekdays", "required")
            .Check(!periodFits || VisitWeekdays.IsEmpty || VisitWeekdays.CountBetween(StartDate, EndDate) > 0, "visitWeekdays", "no-day-in-period")
            .Check(!periodFits || VisitWeekdays.IsEmpty || VisitsPlanned == VisitWeekdays.CountBetween(StartDate, EndDate), "visitsPlanned", "does-not-match-weekdays")
            .Check(HouseholdsServed >= 0, "householdsServed", "negative")
            .Check(HouseholdsServed <= HouseholdsMax, "householdsServed", "too-many", HouseholdsMax)
            .Check(!datesInRange || !TaskDeadline.HasPassed(BidDeadline, now), "bidDeadline", "in-the-past")
            .Check(!datesInRange || BidDeadline <= now.AddDays(DateBounds.PlanAheadDays), "bidDeadline", "too-far-ahead")
            .Check(!datesInRange || EndDate >= StartDate, "endDate", "before-start")
            .Check(!datesInRange || EndDate.DayNumber - StartDate.DayNumber <= DateBounds.LongestPeriodDays, "endDate", "period-too-long")
            .Check(!datesInRange || EndDate.DayNumber - today.DayNumber <= DateBounds.PlanAheadDays, "endDate", "too-far-ahead")
            .Check(!datesInRange || StartDate >= JapanTime.DateOf(BidDeadline), "startDate", "before-deadline")
            .Check(!datesInRange || StartDate.DayNumber - today.DayNumber <= DateBounds.PlanAheadDays, "startDate", "too-far-ahead")
            .Errors;
    }
}
