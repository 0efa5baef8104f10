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

    /// <summary>
    /// For the posting association only: when its bids opened to it (the deadline; <see cref="Domain.Tasks.BidDisclosure"/>).
    /// Null while they are sealed, when it sees only <see cref="BidCount"/>.
    /// </summary>
    public DateTimeOffset? BidsOpenedAt { get; init; }

    public AwardDto? Award { get; init; }

    public IReadOnlyList<QuestionDto> Questions { get; init; } = [];

    /// <summary>For a civic group: the posting association invited it to bid (招待されています). False for everyone else.</summary>
    public bool Invited { get; init; }

    /// <summary>For the posting association only: whom it invited. Null for everyone else.</summary>
    public IReadOnlyList<TaskInvitationDto>? Invitations { get; init; }
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
    int? DeadlineWithinDays = null) : IBoardFilters;

/// <summary>Everything an association writes about a task: the body of an edit (PUT), and of a new task with <see cref="CreateTaskRequest.Publish"/>.</summary>
public record TaskRequest
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
}

public sealed record CreateTaskRequest : TaskRequest
{
    /// <summary>Open the task for bids at once instead of saving a draft.</summary>
    public bool Publish { get; init; }
}

/// <summary>One edit of a published task: when, and each field it changed.</summary>
public sealed record TaskChangeDto
{
    /// <summary>Which edit since publishing: 1 for the first.</summary>
    public int Revision { get; init; }

    public DateTimeOffset ChangedAt { get; init; }

    /// <summary>Dates, fee or requirements changed: bids made before it are for the earlier terms until confirmed or revised.</summary>
    public bool ChangesTerms { get; init; }

    public IReadOnlyList<TaskFieldChangeDto> Fields { get; init; } = [];
}

/// <summary>
/// One field an edit changed, by the name it has in a task request (e.g. <c>feeYen</c>), with its values as
/// invariant text: numbers, <c>true</c>/<c>false</c>, days as <c>yyyy-MM-dd</c>, the deadline in UTC, weekdays comma-separated.
/// </summary>
public sealed record TaskFieldChangeDto(string Field, string OldValue, string NewValue, bool ChangesTerms);

/// <summary>An edit before it is saved: what would change, and how many live bids a change of terms would mark.</summary>
public sealed record TaskEditPreview(TaskChangeDto Changes, int LiveBids)
{
    /// <summary>Dates, fee or requirements change and someone has bid: each bidder will be asked to confirm.</summary>
    public bool AsksBiddersToConfirm => Changes.ChangesTerms && LiveBids > 0;
}
