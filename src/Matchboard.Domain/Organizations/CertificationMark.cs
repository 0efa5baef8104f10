namespace Matchboard.Domain.Organizations;

/// <summary>
/// The city's mark as the rules read it, as values: its first and last valid days and whether city staff suspended or
/// revoked it. <see cref="Certification"/> states its rules through this, so a list that reads only these four
/// columns (ranking thousands of groups for a task) applies the same rule as the entity, not a copy of it.
/// </summary>
public readonly record struct CertificationMark(DateOnly Issued, DateOnly Expires, bool IsSuspended, bool IsRevoked)
{
    public CertificationState StateOn(DateOnly day) => Certification.StateOf(Issued, Expires, IsSuspended, IsRevoked, day);

    /// <summary>The one rule: the mark counts on a day when it is neither suspended nor revoked and the day is within its dates.</summary>
    public bool IsValidOn(DateOnly day) => Certification.Counts(StateOn(day));
}
