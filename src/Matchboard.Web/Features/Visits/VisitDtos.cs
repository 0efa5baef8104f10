using Matchboard.Domain.Visits;

namespace Matchboard.Web.Features.Visits;

/// <summary>A contract's work as the two parties see it: households, the schedule with its reports, the counts.</summary>
public sealed record ScheduleDto
{
    public int ContractId { get; init; }

    public required string TaskTitle { get; init; }

    /// <summary>Watch-over: visits go to households. Otherwise each visit day is one shift.</summary>
    public bool HasHouseholds { get; init; }

    public IReadOnlyList<DayOfWeek> VisitWeekdays { get; init; } = [];

    public IReadOnlyList<HouseholdDto> Households { get; init; } = [];

    public IReadOnlyList<PlannedVisitDto> Visits { get; init; } = [];

    /// <summary>Reports of visits without a plan (an extra check).</summary>
    public IReadOnlyList<VisitReportDto> UnplannedReports { get; init; } = [];

    public int VisitsMade { get; init; }

    public int VisitsPlanned { get; init; }
}

public sealed record HouseholdDto
{
    public int Id { get; init; }

    /// <summary>Personal data: null once erased.</summary>
    public string? Label { get; init; }

    public DateOnly? ConsentDate { get; init; }

    public ConsentMethod? ConsentMethod { get; init; }

    public string? VisitorName { get; init; }

    public DateTimeOffset? ErasedAt { get; init; }
}

public sealed record PlannedVisitDto
{
    public int Id { get; init; }

    public int? HouseholdId { get; init; }

    public string? HouseholdLabel { get; init; }

    public DateOnly Date { get; init; }

    public DateOnly OriginalDate { get; init; }

    public DateOnly? ProposedDate { get; init; }

    public PlannedVisitStatus Status { get; init; }

    public DateTimeOffset? MissedAt { get; init; }

    public IReadOnlyList<VisitReportDto> Reports { get; init; } = [];
}

public sealed record VisitReportDto
{
    public int Id { get; init; }

    public int? PlannedVisitId { get; init; }

    public int? HouseholdId { get; init; }

    public DateTimeOffset VisitedAt { get; init; }

    public required string VisitorName { get; init; }

    public ResidentStatus Status { get; init; }

    public VisitChecklist? Checklist { get; init; }

    public string? Note { get; init; }

    public DateTimeOffset FiledAt { get; init; }

    public bool IsLate { get; init; }

    public int? CorrectsReportId { get; init; }
}

/// <summary>A visit report. plannedVisitId or householdId (for an unplanned visit); correctsReportId to put an earlier one right.</summary>
public sealed record FileReportRequest(
    int? PlannedVisitId,
    int? HouseholdId,
    int? CorrectsReportId,
    DateTimeOffset? VisitedAt,
    string? VisitorName,
    ResidentStatus? Status,
    VisitChecklist? Checklist,
    string? Note);

public sealed record RegisterHouseholdRequest(string? Label);

public sealed record ConsentRequest(DateOnly? ConsentDate, ConsentMethod? ConsentMethod);

public sealed record AssignVisitorRequest(string? VisitorName);

public sealed record VisitDateRequest(DateOnly? Date);
