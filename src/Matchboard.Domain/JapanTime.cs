namespace Matchboard.Domain;

/// <summary>Calendar days are Kawasaki's days, whatever the server's zone.</summary>
public static class JapanTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    /// <summary>
    /// The Japan day of an instant. Total: an instant within nine hours of the end of time is the last day
    /// rather than an overflow, so that validating a hostile date can report it instead of crashing.
    /// </summary>
    public static DateOnly DateOf(DateTimeOffset instant) =>
        instant.UtcTicks > DateTime.MaxValue.Ticks - Offset.Ticks
            ? DateOnly.MaxValue
            : DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>
    /// A Japan wall-clock time as an instant. Total as well: at the very edges of the calendar, where +09:00
    /// cannot be represented, the time is read as UTC, which is just as far outside <see cref="DateBounds"/>.
    /// </summary>
    public static DateTimeOffset At(DateTime wallClock) =>
        wallClock.Ticks >= Offset.Ticks
            ? new DateTimeOffset(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), Offset)
            : new DateTimeOffset(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), TimeSpan.Zero);
}
