using System.Security.Claims;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using Matchboard.Domain;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Matching;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Support;
using Matchboard.Domain.Tasks;
using Matchboard.Domain.Visits;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Directory;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Infrastructure;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matchboard.Web.Features.Matching;

/// <summary>
/// Ranked, explained matches. Candidate selection happens in the database (the categories and wards the rubric's
/// candidate rule allows, by the indexed columns); the scoring and the ranking in memory, by <see cref="MatchScoring"/>,
/// <see cref="MatchTiers"/> and <see cref="MatchRanking"/>. A group's list of tasks is counted by kind in the database
/// and only its page's rows are read; a task's list of groups reads every candidate group (each has its own record).
/// </summary>
public sealed class MatchService(
    MatchboardDbContext db,
    IMapper mapper,
    TimeProvider clock,
    UiFormat ui,
    MatchFacts matchFacts,
    MatchReferenceData reference,
    IOptions<MatchWeights> weights)
{
    /// <summary>Open tasks ranked for the caller's civic group, with the board's filters; paged after ranking.</summary>
    public async Task<PagedResult<TaskMatchDto>> TasksForAsync(TaskMatchQuery query, ClaimsPrincipal user, CancellationToken ct)
    {
        DomainException.ThrowIfAny(Validate(query));
        var now = clock.GetUtcNow();
        var today = JapanTime.DateOf(now);
        var groupId = user.RequiredOrganizationId();
        var group = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == groupId, ct);

        var categories = MatchScoring.CandidateCategories(group.Categories, reference).ToList();
        var wards = MatchScoring.CandidateWards(ServedWards.Of(group), reference).ToList();
        var open = db.Tasks.AsNoTracking()
            .Where(TaskAccess.EverPublished)
            .Where(TaskDeadline.HasEffectiveStatus(CommunityTaskStatus.Open, now))
            .Filtered(query, now);
        var tasks = open.Where(t => categories.Contains(t.Category) && wards.Contains(t.Ward));

        // The candidates counted by what the score reads of a task, start dates by the spans in which the group's facts
        // do not change (one pass over one index, no row handed over), ranked as tiers; then only the page's rows, each
        // tier's in id order (the published tie rule).
        var facts = (await matchFacts.ForAsync([group], ct))[group.Id];
        MatchGroup GroupFor(MatchTask task) => facts.For(task, group, today);
        var tiers = MatchTiers.Of(await CountBySpansAsync(tasks, MatchStartSpans.Boundaries(group), ct), GroupFor, weights.Value, reference);

        var page = Math.Clamp(query.Page ?? 1, 1, TaskService.MaxPage);
        var pageSize = Math.Clamp(query.PageSize ?? TaskService.DefaultPageSize, 1, TaskService.MaxPageSize);
        var summaries = new List<TaskSummaryDto>(pageSize);
        foreach (var (tier, skip, take) in MatchTiers.Window(tiers, (page - 1) * pageSize, pageSize))
        {
            // Each range's first tasks by id walk the index in id order (IX_Tasks_MatchKind); merged, the tier's; and
            // the page's summaries read by those ids in the same query (one round trip per tier on the page, mostly one).
            // A range's category and ward are candidates (it was counted from them), so its rows need only the filters.
            var inTier = tier.Ranges
                .Select(range => open.Where(range.Selects()).OrderBy(t => t.Id).Take(skip + take).Select(t => t.Id))
                .Aggregate((all, one) => all.Concat(one))
                .OrderBy(id => id).Skip(skip).Take(take);
            summaries.AddRange(await db.Tasks.AsNoTracking().Where(t => inTier.Contains(t.Id)).OrderBy(t => t.Id)
                .ProjectTo<TaskSummaryDto>(mapper.ConfigurationProvider)
                .ToListAsync(ct));
        }

        var byId = summaries.ToDictionary(t => t.Id);
        var items = MatchScoring.ScoreTasks(
                summaries.Select(t => new MatchTask(t.Id, t.Category, t.Ward, t.StartDate, t.CertificationRequired, t.InsuranceRequired, t.FeeYen)),
                GroupFor, weights.Value, reference)
            .Select(p => new TaskMatchDto(byId[p.Task.Id], p.Score.Total, p.Score.MeetsRequirements, Explain(p.Score)))
            .ToList();
        return new PagedResult<TaskMatchDto>(items, tiers.Sum(t => t.Count), page, pageSize);
    }

    /// <summary>
    /// "Groups that fit": for the posting association only, the verified civic groups that are candidates for its task,
    /// ranked and explained, paged after ranking, each marked if already invited; and the individual supporters ranked
    /// by the same rubric, separately, known only by ward and categories. 404 for a task the caller cannot see, 403 for
    /// another association's task (as for invitations).
    /// </summary>
    public async Task<TaskGroupMatchesDto> GroupsForTaskAsync(int taskId, GroupMatchQuery query, ClaimsPrincipal user, CancellationToken ct)
    {
        var associationId = user.RequiredOrganizationId();
        var task = await db.Tasks.AsNoTracking().VisibleTo(associationId).SingleOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw new ResourceNotFoundException("task.not-found");
        if (task.AssociationId != associationId)
        {
            throw new ForbiddenAccessException("task.not-yours");
        }

        var today = JapanTime.DateOf(clock.GetUtcNow());
        var groups = await RankGroupsAsync(task, OrganizationKind.CivicGroup, ct);
        var page = Math.Clamp(query.Page ?? 1, 1, TaskService.MaxPage);
        var pageSize = Math.Clamp(query.PageSize ?? TaskService.DefaultPageSize, 1, TaskService.MaxPageSize);
        var onPage = groups.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var ids = onPage.Select(r => r.Group.Id).ToList();
        var invited = (await db.TaskInvitations.AsNoTracking()
            .Where(i => i.TaskId == task.Id && ids.Contains(i.OrganizationId))
            .Select(i => i.OrganizationId)
            .ToListAsync(ct)).ToHashSet();
        var groupItems = onPage
            .Select(r => new GroupMatchDto(
                r.Group.Id,
                r.Group.Name,
                r.Group.Ward,
                r.Group.LegalForm,
                DirectoryCertification.StateOf(r.Group.Certification, today),
                r.Score.Total,
                r.Score.MeetsRequirements,
                Explain(r.Score),
                invited.Contains(r.Group.Id)))
            .ToList();

        // Supporter privacy: nothing but the id, the ward and the categories leaves here (never the name or a contact).
        // Whether each may be asked is the support request's own rule, on the columns already read (standing, categories).
        var rankedSupporters = (await RankGroupsAsync(task, OrganizationKind.Supporter, ct)).Take(TaskService.MaxPageSize).ToList();
        var supporters = rankedSupporters
            .Select(r => new SupporterMatchDto(
                r.Group.Id,
                r.Group.Ward,
                r.Group.Categories.ToList(),
                r.Score.Total,
                r.Score.MeetsRequirements,
                Explain(r.Score),
                SupportRequest.RefusalCode(task, r.Group.Standing, r.Group.Categories) is null))
            .ToList();
        return new TaskGroupMatchesDto(new PagedResult<GroupMatchDto>(groupItems, groups.Count, page, pageSize), supporters);
    }

    private List<MatchReasonDto> Explain(MatchScore score) => MatchExplanations.Explain(score, ui);

    /// <summary>
    /// The organizations of <paramref name="kind"/> (civic groups or individual supporters) that are candidates for
    /// the task by the rubric's candidate rule, verified, scored and ranked by the published order.
    /// </summary>
    public async Task<IReadOnlyList<RankedGroup>> RankGroupsAsync(CommunityTask task, OrganizationKind kind, CancellationToken ct) =>
        MatchRanking.Rank(await ScoreGroupsAsync(task, kind, ct), r => r.Group.Id, r => r.Score);

    /// <summary>
    /// The candidates of <see cref="RankGroupsAsync"/> with their scores, in no particular order (for those who need
    /// every one, not the best first: the TaskPosted audience). The database narrows to the candidate categories and
    /// wards; <see cref="MatchScoring"/> decides and scores.
    /// </summary>
    public async Task<List<RankedGroup>> ScoreGroupsAsync(CommunityTask task, OrganizationKind kind, CancellationToken ct)
    {
        var today = JapanTime.DateOf(clock.GetUtcNow());
        var match = MatchTask.Of(task);
        var categories = CandidateCategoriesOf(task.Category);
        var wards = CandidateWardsOf(task.Ward);
        // Only the columns the score and the lists read (MatchCandidate), not whole entities with their history.
        var candidates = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind == kind && o.IsVerified)
            .Where(o => o.Categories.Any(c => categories.Contains(c)))
            .Where(ServedWards.IncludeAny(kind, wards))
            .Select(MatchCandidate.Columns)
            .ToListAsync(ct);

        var facts = kind == OrganizationKind.CivicGroup
            ? await matchFacts.ForAsync(candidates.Select(g => (g.Id, g.Capacity)).ToList(), ct)
            : candidates.ToDictionary(g => g.Id, g => GroupFacts.None(g.Capacity));
        var scored = new List<RankedGroup>(candidates.Count);
        foreach (var (group, score) in MatchScoring.ScoreGroups(
            match, candidates, group => facts[group.Id].For(match, group, today), weights.Value, reference))
        {
            scored.Add(new RankedGroup(group, score));
        }

        return scored;
    }

    /// <summary>
    /// The tasks counted by category, ward and requirements (the candidate index's order, so the count streams along it)
    /// and, within each, by the spans of start dates that <paramref name="boundaries"/> cut: at most three boundaries
    /// (<see cref="MatchStartSpans"/>), so four spans, each counted as the tasks starting before its end.
    /// </summary>
    private static async Task<List<(MatchKindRange Kind, int Count)>> CountBySpansAsync(
        IQueryable<CommunityTask> tasks, IReadOnlyList<DateOnly> boundaries, CancellationToken ct)
    {
        if (boundaries.Count > 3)
        {
            throw new InvalidOperationException("A group's facts change on at most three start dates.");
        }

        // Unused boundaries are the end of time: their spans are empty.
        var b = boundaries.Concat(Enumerable.Repeat(DateOnly.MaxValue, 3 - boundaries.Count)).ToArray();
        var (b1, b2, b3) = (b[0], b[1], b[2]);
        var rows = await tasks
            .GroupBy(t => new { t.Category, t.Ward, t.CertificationRequired, t.InsuranceRequired })
            .Select(g => new
            {
                g.Key.Category,
                g.Key.Ward,
                g.Key.CertificationRequired,
                g.Key.InsuranceRequired,
                Before1 = g.Count(t => t.StartDate < b1),
                Before2 = g.Count(t => t.StartDate < b2),
                Before3 = g.Count(t => t.StartDate < b3),
                All = g.Count(),
            })
            .ToListAsync(ct);

        var spans = new[] { (DateOnly.MinValue, b1), (b1, b2), (b2, b3), (b3, DateOnly.MaxValue) };
        return rows
            .SelectMany(r => new[] { r.Before1, r.Before2 - r.Before1, r.Before3 - r.Before2, r.All - r.Before3 }
                .Select((count, i) => (
                    Kind: new MatchKindRange(r.Category, r.Ward, r.CertificationRequired, r.InsuranceRequired,
                        spans[i].Item1, spans[i].Item2 == DateOnly.MaxValue ? DateOnly.MaxValue : spans[i].Item2.AddDays(-1)),
                    Count: count)))
            .Where(k => k.Count > 0)
            .ToList();
    }

    /// <summary>The categories whose groups may be candidates for a task in <paramref name="category"/> (the relation is symmetric).</summary>
    private List<string> CandidateCategoriesOf(string category) => MatchScoring.CandidateCategories([category], reference).ToList();

    /// <summary>The wards whose groups may be candidates for a task in <paramref name="ward"/> (adjacency is symmetric).</summary>
    private List<string> CandidateWardsOf(string ward) => MatchScoring.CandidateWards([ward], reference).ToList();

    private static List<FieldError> Validate(TaskMatchQuery query)
    {
        var errors = new List<FieldError>();
        if (query.Category is not null && !Categories.IsKnown(query.Category))
        {
            errors.Add(new FieldError("category", "unknown-category"));
        }

        if (query.Ward is not null && !Wards.IsKnown(query.Ward))
        {
            errors.Add(new FieldError("ward", "unknown-ward"));
        }

        if (query.DeadlineWithinDays is < 1 or > 366)
        {
            errors.Add(new FieldError("deadlineWithinDays", "out-of-range"));
        }

        return errors;
    }
}

/// <summary>An organization (as the ranking reads it) with its score for one task.</summary>
public sealed record RankedGroup(MatchCandidate Group, MatchScore Score);
