using Matchboard.Domain.Tasks;

namespace Matchboard.Web.Features.Tasks;

/// <summary>A task as lists show it: what, where, when, for how much. Never any bid data.</summary>
public record TaskSummaryDto
{
    public int Id { get; init; }

    public required string Title { get; init; }

    public required string Category { get; init; }

    public required string Ward { get; init; }

    public required string Town { get; init; }

    public int AssociationId { get; init; }

    public required string AssociationName { get; init; }

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    public int VisitsPlanned { get; init; }

    /// <summary>The weekdays of the visits, Monday first; visitsPlanned is their count from start to end.</summary>
    public IReadOnlyList<DayOfWeek> VisitWeekdays { get; init; } = [];

    public bool IsVolunteer { get; init; }

    public long FeeYen { get; init; }

    public DateTimeOffset BidDeadline { get; init; }

    public bool CertificationRequired { get; init; }

    public bool InsuranceRequired { get; init; }

    public int HouseholdsServed { get; init; }

    public CommunityTaskStatus Status { get; init; }
}

/// <summary>A task page. Bid counts and the asker's name are filled in only for those allowed to see them.</summary>
public sealed record TaskDetailDto : TaskSummaryDto
{
    public required string Description { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>True while bids and questions are taken (open and before the deadline).</summary>
    public bool AcceptingBids { get; init; }

    /// <summary>Only for the posting association, and for everyone once the task is awarded.</summary>
    public int? BidCount { get; init; }

    public AwardDto? Award { get; init; }

    public IReadOnlyList<QuestionDto> Questions { get; init; } = [];
}

/// <summary>Who was chosen, for how much, and why: public once a task is awarded.</summary>
public sealed record AwardDto
{
    public int BidId { get; init; }

    public int GroupId { get; init; }

    public required string GroupName { get; init; }

    public long AmountYen { get; init; }

    public required string Rationale { get; init; }

    public DateTimeOffset AwardedAt { get; init; }

    public int? ContractId { get; init; }
}

public sealed record QuestionDto
{
    public int Id { get; init; }

    public required string Text { get; init; }

    public string? Answer { get; init; }

    public DateTimeOffset AskedAt { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>Shown only to the posting association; other groups never learn who asked.</summary>
    public string? AskedBy { get; init; }

    public bool AskedByUs { get; init; }
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public sealed record TaskQuery(
    CommunityTaskStatus? Status,
    string? Category,
    string? Ward,
    string? Q,
    bool? Mine,
    bool? Matching,
    bool? Volunteer,
    int? Page,
    int? PageSize,
    int? DeadlineWithinDays = null);

public sealed record CreateTaskRequest
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Category { get; init; }

    /// <summary>Defaults to the association's own ward and town.</summary>
    public string? Ward { get; init; }

    public string? Town { get; init; }

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    /// <summary>Optional: the number of visit days the weekday pattern gives; computed when left out, checked when given.</summary>
    public int? VisitsPlanned { get; init; }

    /// <summary>The visit weekdays (e.g. ["Tuesday"] for every Tuesday).</summary>
    public IReadOnlyList<DayOfWeek>? VisitWeekdays { get; init; }

    public bool IsVolunteer { get; init; }

    public long? FeeYen { get; init; }

    public DateTimeOffset? BidDeadline { get; init; }

    public bool CertificationRequired { get; init; }

    public bool InsuranceRequired { get; init; }

    public int? HouseholdsServed { get; init; }

    /// <summary>Open the task for bids at once instead of saving a draft.</summary>
    public bool Publish { get; init; }
}
