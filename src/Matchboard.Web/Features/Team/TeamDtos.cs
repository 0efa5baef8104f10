namespace Matchboard.Web.Features.Team;

public sealed record TeamMemberDto(string UserId, string DisplayName, string Email, DateTimeOffset? JoinedAt, bool IsFirstMember);

public sealed record InvitationDto(int Id, string Email, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

public sealed record TeamDto(
    int OrganizationId, string OrganizationName, bool YouAreFirstMember, bool MayInvite,
    IReadOnlyList<TeamMemberDto> Members, IReadOnlyList<InvitationDto> PendingInvitations);

public sealed record InviteRequest(string? Email);

public sealed record AcceptInvitationRequest(string? Token, string? DisplayName, string? Password);

public sealed record AcceptedInvitationDto(string Email, int OrganizationId, string OrganizationName);

/// <summary>What the join page shows before the form: the organization and the address the link was sent to.</summary>
public sealed record InvitationPreview(string Email, string OrganizationName);
