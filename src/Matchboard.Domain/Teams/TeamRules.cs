namespace Matchboard.Domain.Teams;

/// <summary>A member of an organization's team as the rules see it: who, since when, still active or not.</summary>
public sealed record TeamMember(string UserId, DateTimeOffset? JoinedAt, bool IsActive);

/// <summary>
/// The rules of an organization's team. The first member (the earliest who joined and is still active; accounts made
/// before invitations existed count as earliest, then by id) leads the team: only they remove a member. At least one
/// active member always remains. One definition here; the team service and its pages call it.
/// </summary>
public static class TeamRules
{
    public const int ReasonMaxLength = 500;

    /// <summary>The member who leads the team now, or null when nobody is active.</summary>
    public static TeamMember? FirstMember(IEnumerable<TeamMember> members) =>
        members.Where(m => m.IsActive)
            .OrderBy(m => m.JoinedAt is null ? 0 : 1)
            .ThenBy(m => m.JoinedAt)
            .ThenBy(m => m.UserId, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>May <paramref name="actorUserId"/> remove <paramref name="targetUserId"/> from this team? Throws the reason if not.</summary>
    public static void EnsureMayRemove(IReadOnlyCollection<TeamMember> members, string actorUserId, string targetUserId)
    {
        if (FirstMember(members)?.UserId != actorUserId)
        {
            throw new DomainException("team.not-first-member", DomainErrorKind.RuleViolation);
        }

        if (members.SingleOrDefault(m => m.UserId == targetUserId) is not { IsActive: true })
        {
            throw new DomainException("team.member-not-active");
        }

        if (members.Count(m => m.IsActive) <= 1)
        {
            throw new DomainException("team.last-member", DomainErrorKind.RuleViolation);
        }
    }

    /// <summary>A deactivation (or a removal) says why, in a line or a few.</summary>
    public static string ValidReason(string? reason)
    {
        var validation = new Validation().Text("reason", reason, ReasonMaxLength);
        DomainException.ThrowIfAny(validation.Errors);
        return reason!.Trim();
    }

    public const int DisplayNameMaxLength = 100;

    /// <summary>The name a person who joins gives themselves (shown to their team and on what they do).</summary>
    public static string ValidDisplayName(string? displayName)
    {
        var validation = new Validation().Text("displayName", displayName, DisplayNameMaxLength, singleLine: true);
        DomainException.ThrowIfAny(validation.Errors);
        return displayName!.Trim();
    }
}
