using Matchboard.Domain.Organizations;
using Matchboard.Web.Features.Accounts;

namespace Matchboard.Web.Features.City;

public sealed record AccountEventDto(AccountEventKind Kind, string? Reason, string ByDisplayName, DateTimeOffset At);

public sealed record CityAccountDto(
    string UserId, string Email, string DisplayName, int OrganizationId, string OrganizationName, OrganizationKind OrganizationKind,
    bool IsActive, bool EmailConfirmed, DateTimeOffset? DeactivatedAt, AccountEventDto? LastEvent);

public sealed record DeactivateRequest(string? Reason);
