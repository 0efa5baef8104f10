namespace Matchboard.Domain.Tests;

public class JapanTimeTests
{
    [Fact]
    public void AnAfternoonInUtcIsTheNextDayInJapan()
    {
        Assert.Equal(new DateOnly(2026, 12, 4), JapanTime.DateOf(new DateTimeOffset(2026, 12, 3, 15, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void TheLastMinuteBeforeJapaneseMidnightIsStillTheSameDay()
    {
        Assert.Equal(new DateOnly(2026, 12, 3), JapanTime.DateOf(new DateTimeOffset(2026, 12, 3, 14, 59, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void TheDayDoesNotDependOnTheOffsetTheInstantIsWrittenIn()
    {
        var instant = new DateTimeOffset(2026, 12, 3, 15, 30, 0, TimeSpan.Zero);

        Assert.Equal(JapanTime.DateOf(instant), JapanTime.DateOf(instant.ToOffset(TimeSpan.FromHours(-8))));
    }
}
