using System.Security.Claims;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using Matchboard.Domain;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Matching;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Matchboard.Domain.Visits;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matchboard.Web.Features.Matching;

/// <summary>
/// Ranked, explained matches. Candidate selection happens in the database (open tasks in the categories and wards
/// the rubric's candidate rule allows, by the indexed columns); the scoring, the ranking and the paging in memory,
/// by <see cref="MatchScoring"/> and <see cref="MatchRanking"/>.
/// </summary>
public sealed class MatchService(
    MatchboardDbContext db,
    IMapper mapper,
    TimeProvider clock,
    UiFormat ui,
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
        var wards = MatchScoring.CandidateWards(group.WardsServed, reference).ToList();
        var tasks = db.Tasks.AsNoTracking()
            .Where(TaskAccess.EverPublished)
            .Where(TaskDeadline.HasEffectiveStatus(CommunityTaskStatus.Open, now))
            .Where(t => categories.Contains(t.Category) && wards.Contains(t.Ward));
        if (query.Category is { } category)
        {
            tasks = tasks.Where(t => t.Category == category);
        }

        if (query.Ward is { } ward)
        {
            tasks = tasks.Where(t => t.Ward == ward);
        }

        if (query.Volunteer is { } volunteer)
        {
            tasks = tasks.Where(t => t.IsVolunteer == volunteer);
        }

        if (query.DeadlineWithinDays is { } days)
        {
            var limit = now.AddDays(days);
            tasks = tasks.Where(t => t.BidDeadline <= limit);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim();
            tasks = tasks.Where(t => t.Title.Contains(text) || t.Description.Contains(text) || t.Town.Contains(text));
        }

        var candidates = await tasks
            .Select(t => new MatchTask(t.Id, t.Category, t.Ward, t.StartDate, t.CertificationRequired, t.InsuranceRequired, t.FeeYen))
            .ToListAsync(ct);

        var facts = await GroupFactsAsync(group, today, ct);
        var scored = candidates
            .Select(task => (Task: task, Score: MatchScoring.ScoreTask(task, facts.For(task, group, today), weights.Value, reference)))
            .Where(p => p.Score is not null)
            .Select(p => (p.Task, Score: p.Score!))
            .ToList();
        var ranked = MatchRanking.Rank(scored, p => p.Task.Id, p => p.Score);

        var page = Math.Clamp(query.Page ?? 1, 1, TaskService.MaxPage);
        var pageSize = Math.Clamp(query.PageSize ?? TaskService.DefaultPageSize, 1, TaskService.MaxPageSize);
        var onPage = ranked.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var ids = onPage.Select(p => p.Task.Id).ToList();
        var summaries = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id))
            .ProjectTo<TaskSummaryDto>(mapper.ConfigurationProvider)
            .ToDictionaryAsync(t => t.Id, ct);

        var items = onPage
            .Select(p => new TaskMatchDto(
                summaries[p.Task.Id],
                p.Score.Total,
                p.Score.MeetsRequirements,
                p.Score.Reasons.Select(r => MatchExplanations.Explain(r, ui)).ToList()))
            .ToList();
        return new PagedResult<TaskMatchDto>(items, ranked.Count, page, pageSize);
    }

    /// <summary>The group's side of the rubric that does not depend on the task, read once per request.</summary>
    private async Task<GroupFacts> GroupFactsAsync(Organization group, DateOnly today, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var contracts = await db.Contracts.AsNoTracking()
            .Include(c => c.Reviews)
            .Include(c => c.Task)
            .Where(c => c.ProviderId == group.Id && (c.Status == ContractStatus.Active || c.EndedAt != null))
            .AsSplitQuery()
            .ToListAsync(ct);
        var completed = contracts.Where(c => c.Status == ContractStatus.Completed).ToList();
        var withVisits = completed.Where(c => c.VisitsPlanned is > 0 && c.VisitsMade is not null).ToList();

        // The same release rule as the group's public reviews; a review the city hid does not count.
        var reviews = contracts.SelectMany(c => c.ReviewsVisibleTo(null, now))
            .Where(r => r.RevieweeId == group.Id && !r.IsHidden).ToList();

        // A visit's report is due by the end of its day (Japan time); days not over yet are not counted.
        // Every contract of the group once: its visits below, and how many hold a place against its capacity.
        var all = await db.Contracts.Where(c => c.ProviderId == group.Id).Select(c => new { c.Id, c.Status }).ToListAsync(ct);
        var contractIds = all.Select(c => c.Id).ToList();
        var visits = await db.PlannedVisits.AsNoTracking()
            .Where(v => contractIds.Contains(v.ContractId) && v.Status == PlannedVisitStatus.Planned && v.Date < today)
            .Select(v => new { v.Date, v.FirstReportedAt })
            .ToListAsync(ct);

        return new GroupFacts(
            completed.GroupBy(c => c.Task!.Category).ToDictionary(g => g.Key, g => g.Count()),
            withVisits.Sum(c => c.VisitsMade!.Value),
            withVisits.Sum(c => c.VisitsPlanned!.Value),
            visits.Count(v => v.FirstReportedAt is { } at && JapanTime.DateOf(at) <= v.Date),
            visits.Count,
            reviews.Count == 0 ? null : (decimal)reviews.Average(r => r.Rating),
            reviews.Count,
            new CapacityFact(all.Count(c => ContractCapacity.Occupying.Contains(c.Status)), group.Capacity));
    }

    private sealed record GroupFacts(
        IReadOnlyDictionary<string, int> CompletedByCategory,
        int VisitsMade,
        int VisitsPlanned,
        int ReportsOnTime,
        int ReportsDue,
        decimal? AverageReview,
        int ReviewCount,
        CapacityFact Capacity)
    {
        public MatchGroup For(MatchTask task, Organization group, DateOnly today) => new(
            group.Id,
            group.Categories,
            group.WardsServed,
            CertificationFact.Of(group, today, task.StartDate),
            InsuranceFact.Of(group, task.StartDate),
            Capacity,
            new TrackRecord(
                CompletedByCategory.GetValueOrDefault(task.Category),
                VisitsMade,
                VisitsPlanned,
                ReportsOnTime,
                ReportsDue,
                AverageReview,
                ReviewCount));
    }

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
