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

    public IReadOnlyList<FieldError> Validate(DateTimeOffset now) => new Validation()
        .Text("title", Title, TitleMaxLength)
        .Text("description", Description, DescriptionMaxLength)
        .Check(Categories.IsKnown(Category), "category", "unknown-category")
        .Check(Wards.IsKnown(Ward), "ward", "unknown-ward")
        .Text("town", Town, TownMaxLength)
        .Check(FeeYen >= 0, "feeYen", "negative")
        .Check(FeeYen <= FeeMaxYen, "feeYen", "too-large")
        .Check(VisitsPlanned >= 1, "visitsPlanned", "at-least-one")
        .Check(!VisitWeekdays.IsEmpty, "visitWeekdays", "required")
        .Check(EndDate < StartDate || VisitWeekdays.IsEmpty || VisitWeekdays.CountBetween(StartDate, EndDate) > 0, "visitWeekdays", "no-day-in-period")
        .Check(EndDate < StartDate || VisitWeekdays.IsEmpty || VisitsPlanned == VisitWeekdays.CountBetween(StartDate, EndDate), "visitsPlanned", "does-not-match-weekdays")
        .Check(HouseholdsServed >= 0, "householdsServed", "negative")
        .Check(!TaskDeadline.HasPassed(BidDeadline, now), "bidDeadline", "in-the-past")
        .Check(EndDate >= StartDate, "endDate", "before-start")
        .Check(StartDate >= JapanTime.DateOf(BidDeadline), "startDate", "before-deadline")
        .Errors;
}
