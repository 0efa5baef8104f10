namespace Matchboard.Web.Features.Tasks;

public sealed record InviteGroupRequest(int? OrganizationId);

/// <summary>A group the association invited to bid on its task: shown to the association only.</summary>
public sealed record TaskInvitationDto
{
    public int OrganizationId { get; init; }

    public required string OrganizationName { get; init; }

    public DateTimeOffset InvitedAt { get; init; }
}

