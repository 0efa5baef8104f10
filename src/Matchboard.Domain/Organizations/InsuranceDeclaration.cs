namespace Matchboard.Domain.Organizations;

/// <summary>
/// A civic group's own statement of its activity insurance (ボランティア活動保険 and the like): the insurer, the policy
/// number if it wants to give one, and the last day the cover runs. Declared by the group, not checked by the city:
/// a task requiring insurance accepts bids only from a group whose declaration covers the task's start date.
/// </summary>
public sealed class InsuranceDeclaration
{
    public const int InsurerMaxLength = 200;

    public const int PolicyNumberMaxLength = 60;

    private InsuranceDeclaration()
    {
        Insurer = string.Empty;
    }

    internal InsuranceDeclaration(string insurer, string? policyNumber, DateOnly validUntil, DateTimeOffset declaredAt)
    {
        Insurer = insurer;
        PolicyNumber = policyNumber;
        ValidUntil = validUntil;
        DeclaredAt = declaredAt;
    }

    public string Insurer { get; private set; }

    public string? PolicyNumber { get; private set; }

    /// <summary>The last day the cover runs (included).</summary>
    public DateOnly ValidUntil { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }

    /// <summary>The one rule: the declaration covers a day up to and including its last day.</summary>
    public bool CoversDay(DateOnly day) => Covers(ValidUntil, day);

    /// <summary>The rule on values, for lists that read only the last day of cover (<see cref="OrganizationStanding"/>).</summary>
    public static bool Covers(DateOnly validUntil, DateOnly day) => day <= validUntil;
}
