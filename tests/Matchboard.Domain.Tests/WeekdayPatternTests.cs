using Matchboard.Domain.Tasks;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

public class WeekdayPatternTests
{
    [Fact]
    public void VisitDaysAreThePatternDaysFromStartToEndIncluded()
    {
        var pattern = WeekdaySet.Of(DayOfWeek.Thursday, DayOfWeek.Friday);

        var days = pattern.DatesBetween(new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 20)).ToList();

        Assert.Equal([new(2026, 12, 10), new(2026, 12, 11), new(2026, 12, 17), new(2026, 12, 18)], days);
        Assert.Equal(4, pattern.CountBetween(new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 20)));
    }

    [Fact]
    public void ThePatternListsItsDaysMondayFirst()
    {
        Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Sunday], WeekdaySet.Of(DayOfWeek.Sunday, DayOfWeek.Tuesday).Days);
    }

    [Fact]
    public void AVisitsPlannedThatDisagreesWithThePatternIsRefused()
    {
        AssertInvalid(() => DraftTask(Details() with { VisitsPlanned = 5 }), ("visitsPlanned", "does-not-match-weekdays"));
    }

    [Fact]
    public void ATaskWithoutWeekdaysIsRefused()
    {
        AssertInvalid(
            () => DraftTask(Details() with { VisitWeekdays = default }),
            ("visitWeekdays", "required"));
    }

    [Fact]
    public void APatternWithNoDayInThePeriodIsRefused()
    {
        var details = Details() with { EndDate = new DateOnly(2026, 12, 10), VisitWeekdays = WeekdaySet.Of(DayOfWeek.Monday), VisitsPlanned = 1 };

        AssertInvalid(() => DraftTask(details), ("visitWeekdays", "no-day-in-period"), ("visitsPlanned", "does-not-match-weekdays"));
    }

    [Fact]
    public void TheTaskKeepsItsPattern()
    {
        var task = DraftTask();

        Assert.Equal([DayOfWeek.Thursday, DayOfWeek.Friday], task.VisitWeekdays.Days);
        Assert.True(task.HasHouseholds);
        Assert.False(DraftTask(Details(category: Categories.Cleanup)).HasHouseholds);
    }
}
