namespace Matchboard.Domain.Visits;

/// <summary>What a visitor fills in at the door. Nullable where a form or a client may leave a field out.</summary>
public sealed record VisitReportDraft(
    DateTimeOffset? VisitedAt,
    string? VisitorName,
    ResidentStatus? Status,
    VisitChecklist? Checklist,
    string? Note);
