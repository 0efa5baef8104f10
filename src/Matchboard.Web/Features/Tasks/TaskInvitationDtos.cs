namespace Matchboard.Web.Features.Tasks;

public sealed record InviteGroupRequest(int? OrganizationId);

/// <summary>A group the association invited to bid on its task: shown to the association only.</summary>
public sealed record TaskInvitationDto
{
    public int OrganizationId { get; init; }

    public required string OrganizationName { get; init; }

    public DateTimeOffset InvitedAt { get; init; }
}

/// <summary>A group the association may invite: one that matches the task (TaskMatcher) and is not invited yet.</summary>
public sealed record InvitableGroupDto(int OrganizationId, string Name, string Ward);
