using Matchboard.Domain;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

/// <summary>Every date the app takes stays in 2000–2100, and a task is planned at most two years ahead for at most three.</summary>
public sealed class DateBoundsTests
{
    [Fact]
    public void JapanDayOfTheLastInstantIsTheLastDayNotAnOverflow()
    {
        Assert.Equal(DateOnly.MaxValue, JapanTime.DateOf(DateTimeOffset.MaxValue));
        Assert.Equal(new DateOnly(1, 1, 1), JapanTime.DateOf(DateTimeOffset.MinValue));
    }

    [Fact]
    public void AJapanWallClockAtTheEdgeOfTimeIsNoOverflow()
    {
        Assert.Equal(DateTimeOffset.MinValue, JapanTime.At(DateTime.MinValue));
        Assert.Equal(TimeSpan.FromHours(9), JapanTime.At(new DateTime(2026, 5, 1, 17, 0, 0)).Offset);
    }

    [Fact]
    public void ADeadlineAtTheEndOfTimeIsOutOfRange()
    {
        var details = Details() with { BidDeadline = new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero) };

        Assert.Equal([new FieldError("bidDeadline", "out-of-range")], details.Validate(Now));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1999, 12, 31)]
    [InlineData(2101, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void TaskDaysOutsideTheWindowAreOutOfRange(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);

        Assert.Contains(new FieldError("endDate", "out-of-range"), (Details() with { EndDate = date }).Validate(Now));
        Assert.Contains(new FieldError("startDate", "out-of-range"), (Details() with { StartDate = date }).Validate(Now));
    }

    [Fact]
    public void ADeadlineMoreThanTwoYearsAheadIsTooFar()
    {
        var details = Details() with { BidDeadline = Now.AddDays(DateBounds.PlanAheadDays + 1), StartDate = Today.AddDays(DateBounds.PlanAheadDays + 2), EndDate = Today.AddDays(DateBounds.PlanAheadDays + 2) };

        Assert.Contains(new FieldError("bidDeadline", "too-far-ahead"), details.Validate(Now));
    }

    [Fact]
    public void APeriodLongerThanThreeYearsIsTooLong()
    {
        var details = Details() with { EndDate = Details().StartDate.AddDays(DateBounds.LongestPeriodDays + 1) };

        Assert.Contains(new FieldError("endDate", "period-too-long"), details.Validate(Now));
    }

    [Fact]
    public void MoreHouseholdsThanAnyAssociationHasAreRefused()
    {
        Assert.Equal([new FieldError("householdsServed", "too-many", Tasks.TaskDetails.HouseholdsMax)], (Details() with { HouseholdsServed = int.MaxValue }).Validate(Now));
    }
}
