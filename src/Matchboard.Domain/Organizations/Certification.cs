namespace Matchboard.Domain.Organizations;

/// <summary>The city's own certification mark for a civic group.</summary>
public sealed record Certification(string Number, DateOnly Issued, DateOnly Expires)
{
    public bool IsValidOn(DateOnly day) => IsValid(Issued, Expires, day);

    /// <summary>
    /// The one rule, also for callers that hold only the dates (DTOs): valid from the day of issue through
    /// the day it expires, both included.
    /// </summary>
    public static bool IsValid(DateOnly issued, DateOnly expires, DateOnly day) => issued <= day && day <= expires;
}
