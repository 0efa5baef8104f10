using Matchboard.Domain;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Matching;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Visits;
using Matchboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Matching;

/// <summary>
/// The part of a group's side of the rubric that does not depend on the task: its track record across categories and
/// its load. <see cref="For"/> states it for one task (certification and insurance on the task's start date,
/// experience in the task's category).
/// </summary>
public sealed record GroupFacts(
    IReadOnlyDictionary<string, int> CompletedByCategory,
    int VisitsMade,
    int VisitsPlanned,
    int ReportsOnTime,
    int ReportsDue,
    decimal? AverageReview,
    int ReviewCount,
    CapacityFact Capacity)
{
    /// <summary>A first-time group (or a supporter, who holds no contracts): neutral on every part of the track record.</summary>
    public static GroupFacts None(Organization group) => None(group.Capacity);

    /// <inheritdoc cref="None(Organization)"/>
    public static GroupFacts None(int capacity) => new(NoneCompleted, 0, 0, 0, 0, null, 0, new CapacityFact(0, capacity));

    private static readonly IReadOnlyDictionary<string, int> NoneCompleted = new Dictionary<string, int>();

    public MatchGroup For(MatchTask task, Organization group, DateOnly today) =>
        For(task, group.Id, group.Categories, ServedWards.Of(group), group.Standing, today);

    /// <summary>The same for a candidate read as values (<see cref="MatchCandidate"/>): the same rules on the same facts.</summary>
    public MatchGroup For(MatchTask task, MatchCandidate group, DateOnly today) =>
        For(task, group.Id, group.Categories, group.ServedWards, group.Standing, today);

    private MatchGroup For(
        MatchTask task, int id, IReadOnlyCollection<string> categories, IReadOnlyCollection<string> wards, OrganizationStanding standing, DateOnly today) => new(
        id,
        categories,
        wards,
        CertificationFact.Of(standing, today, task.StartDate),
        InsuranceFact.Of(standing, task.StartDate),
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

/// <summary>
/// Reads <see cref="GroupFacts"/> for many groups in a fixed number of queries (three; one when none of them holds a
/// contract), whatever their number, so a ranked list of groups costs the same round trips as one group.
/// </summary>
public sealed class MatchFacts(MatchboardDbContext db, TimeProvider clock)
{
    /// <remarks>
    /// The id lists go to the database as ONE parameter (a JSON array): a ranked list holds thousands of groups, and
    /// EF's default of one parameter per id made this the slowest part of ranking groups for a task.
    /// </remarks>
    public Task<IReadOnlyDictionary<int, GroupFacts>> ForAsync(IReadOnlyCollection<Organization> groups, CancellationToken ct) =>
        ForAsync(groups.Select(g => (g.Id, g.Capacity)).ToList(), ct);

    /// <summary>The same for groups known by their id and stated capacity (all a group's own columns the facts read).</summary>
    public async Task<IReadOnlyDictionary<int, GroupFacts>> ForAsync(IReadOnlyCollection<(int Id, int Capacity)> groups, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = JapanTime.DateOf(now);
        var ids = groups.Select(g => g.Id).Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<int, GroupFacts>();
        }

        // Every contract of these groups once, as the few columns the record reads (a ranking's groups hold thousands
        // of contracts between them: whole contracts with their tasks would cost more than the ranking itself).
        var contracts = await db.Contracts.AsNoTracking()
            .Where(c => EF.Parameter(ids).Contains(c.ProviderId))
            .Select(c => new ContractRow(c.Id, c.ProviderId, c.Status, c.Task!.Category, c.VisitsPlanned, c.VisitsMade, c.EndedAt))
            .ToListAsync(ct);
        if (contracts.Count == 0)
        {
            return groups.DistinctBy(g => g.Id).ToDictionary(g => g.Id, g => GroupFacts.None(g.Capacity));
        }

        var contractIds = contracts.Select(c => c.Id).ToList();
        var reviews = (await db.Reviews.AsNoTracking()
                .Where(r => EF.Parameter(contractIds).Contains(r.ContractId))
                .Select(r => new { r.ContractId, r.ReviewerId, r.RevieweeId, r.Rating, Hidden = r.HiddenAt != null })
                .ToListAsync(ct))
            .ToLookup(r => r.ContractId);

        // A visit's report is due by the end of its day (Japan time); days not over yet are not counted.
        var visits = await db.PlannedVisits.AsNoTracking()
            .Where(v => EF.Parameter(contractIds).Contains(v.ContractId) && v.Status == PlannedVisitStatus.Planned && v.Date < today)
            .Select(v => new { v.ContractId, v.Date, v.FirstReportedAt })
            .ToListAsync(ct);
        var providerOf = contracts.ToDictionary(c => c.Id, c => c.ProviderId);
        var visitsByGroup = visits.ToLookup(v => providerOf[v.ContractId]);
        var contractsByGroup = contracts.ToLookup(c => c.ProviderId);

        var facts = new Dictionary<int, GroupFacts>(groups.Count);
        foreach (var group in groups.DistinctBy(g => g.Id))
        {
            // Most candidates have no contract yet: the neutral record, without building empty lists for it.
            if (!contractsByGroup.Contains(group.Id))
            {
                facts[group.Id] = GroupFacts.None(group.Capacity);
                continue;
            }

            var own = contractsByGroup[group.Id].ToList();
            var completed = own.Where(c => c.Status == ContractStatus.Completed).ToList();
            var withVisits = completed.Where(c => c.VisitsPlanned is > 0 && c.VisitsMade is not null).ToList();

            // The public's view of the reviews (the double-blind release rule, as the group's public page shows them);
            // a review the city hid does not count.
            var ratings = own.Where(c => c.Status == ContractStatus.Active || c.EndedAt != null)
                .Where(c => Contract.ReviewsReleased(reviews[c.Id].Select(r => r.ReviewerId).Distinct().Count(), c.EndedAt, now))
                .SelectMany(c => reviews[c.Id])
                .Where(r => r.RevieweeId == group.Id && !r.Hidden)
                .Select(r => r.Rating)
                .ToList();
            var groupVisits = visitsByGroup[group.Id].ToList();

            facts[group.Id] = new GroupFacts(
                completed.GroupBy(c => c.Category).ToDictionary(g => g.Key, g => g.Count()),
                withVisits.Sum(c => c.VisitsMade!.Value),
                withVisits.Sum(c => c.VisitsPlanned!.Value),
                groupVisits.Count(v => v.FirstReportedAt is { } at && JapanTime.DateOf(at) <= v.Date),
                groupVisits.Count,
                ratings.Count == 0 ? null : (decimal)ratings.Average(),
                ratings.Count,
                new CapacityFact(own.Count(c => ContractCapacity.Occupying.Contains(c.Status)), group.Capacity));
        }

        return facts;
    }

    /// <summary>What the track record and the capacity read of a contract.</summary>
    private sealed record ContractRow(
        int Id, int ProviderId, ContractStatus Status, string Category, int? VisitsPlanned, int? VisitsMade, DateTimeOffset? EndedAt);
}
