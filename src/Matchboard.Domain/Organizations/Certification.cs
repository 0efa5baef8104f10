namespace Matchboard.Domain.Organizations;

/// <summary>The city's own certification mark for a civic group.</summary>
public sealed record Certification(string Number, DateOnly Issued, DateOnly Expires)
{
    public bool IsValidOn(DateOnly day) => Issued <= day && day <= Expires;
}
