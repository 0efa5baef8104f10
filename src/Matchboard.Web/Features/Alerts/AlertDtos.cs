using Matchboard.Domain.Visits;

namespace Matchboard.Web.Features.Alerts;

/// <summary>An alert with every step timestamped. The household and report are shown to the two parties, and to city staff once escalated.</summary>
public sealed record AlertDto
{
    public int Id { get; init; }

    public int ContractId { get; init; }

    public int TaskId { get; init; }

    public required string TaskTitle { get; init; }

    public required string AssociationName { get; init; }

    public required string ProviderName { get; init; }

    public AlertReason Reason { get; init; }

    public AlertSeverity Severity { get; init; }

    public int? HouseholdId { get; init; }

    public string? HouseholdLabel { get; init; }

    public int? PlannedVisitId { get; init; }

    public int? ReportId { get; init; }

    public ResidentStatus? ReportStatus { get; init; }

    public string? ReportNote { get; init; }

    public string? VisitorName { get; init; }

    public DateTimeOffset RaisedAt { get; init; }

    public DateTimeOffset? EscalatedAt { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>The organization that acknowledged: the association, or the city office for an escalated alert.</summary>
    public string? AcknowledgedByName { get; init; }

    public string? AcknowledgementNote { get; init; }
}

public sealed record AcknowledgeRequest(string? Note);
