using Matchboard.Domain.Organizations;
using Matchboard.Web.Features.Directory;
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
    int? PageSize) : IBoardFilters;

/// <summary>Paging for the groups that fit a task.</summary>
public sealed record GroupMatchQuery(int? Page, int? PageSize);

/// <summary>
/// A verified civic group that fits the posting association's task: what the public directory shows of it (legal form,
/// certification), its score and why, and whether the association has already invited it.
/// </summary>
public sealed record GroupMatchDto(
    int OrganizationId,
    string Name,
    string Ward,
    LegalForm? LegalForm,
    DirectoryCertificationDto Certification,
    int Score,
    bool MeetsRequirements,
    IReadOnlyList<MatchReasonDto> Reasons,
    bool Invited);

/// <summary>
/// An individual supporter that fits the task, as an association may know it before any acceptance: its id (to send a
/// support request), ward and categories, never its name or contact. <see cref="MayRequest"/>: the support request's own
/// rule (<c>SupportRequest.RefusalCode</c>) allows asking it for this task.
/// </summary>
public sealed record SupporterMatchDto(
    int SupporterId,
    string Ward,
    IReadOnlyList<string> Categories,
    int Score,
    bool MeetsRequirements,
    IReadOnlyList<MatchReasonDto> Reasons,
    bool MayRequest);

/// <summary>
/// GET /api/tasks/{id}/matches: the verified groups ranked for the task (paged) and, separately, the individual supporters
/// ranked by the same rubric (the first <c>TaskService.MaxPageSize</c> of them, not paged).
/// </summary>
public sealed record TaskGroupMatchesDto(PagedResult<GroupMatchDto> Groups, IReadOnlyList<SupporterMatchDto> Supporters);
