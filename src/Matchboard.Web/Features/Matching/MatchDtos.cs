using Matchboard.Web.Features.Tasks;

namespace Matchboard.Web.Features.Matching;

/// <summary>One factor of a match, in the reader's language: 「同じ区で活動（中原区）」, with its points out of the most it could give.</summary>
public sealed record MatchReasonDto(string Code, int Points, int MaxPoints, string Text);

/// <summary>A task ranked for the caller's group: the task as the board shows it, its score and why.</summary>
public sealed record TaskMatchDto(TaskSummaryDto Task, int Score, bool MeetsRequirements, IReadOnlyList<MatchReasonDto> Reasons);

/// <summary>The board's filters (open tasks only) and paging, for "tasks for us".</summary>
public sealed record TaskMatchQuery(
    string? Category,
    string? Ward,
    string? Q,
    bool? Volunteer,
    int? DeadlineWithinDays,
    int? Page,
    int? PageSize);
