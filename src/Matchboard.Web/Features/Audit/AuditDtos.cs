namespace Matchboard.Web.Features.Audit;

/// <summary>A point of the chain: anyone may note it down and later check that history up to it was not rewritten.</summary>
public sealed record AuditHeadDto(long Sequence, string Hash);

/// <summary>One sealed entry, for city staff.</summary>
public sealed record AuditEntryDto(
    long Sequence,
    string Hash,
    DateTimeOffset OccurredAt,
    string Actor,
    int? OrganizationId,
    string Action,
    string EntityType,
    string EntityId,
    string Summary);

/// <summary>The city's filter: action, organization, period (Japan days, inclusive), page.</summary>
public sealed record AuditQuery(string? Action, int? OrganizationId, DateOnly? From, DateOnly? To, int? Page, int? PageSize);

public sealed record AuditVerificationDto(bool Holds, long Sequence, string? Hash, string? Problem);
