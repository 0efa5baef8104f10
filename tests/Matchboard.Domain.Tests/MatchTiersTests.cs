using Matchboard.Domain.Matching;
using Matchboard.Domain.Tasks;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

/// <summary>
/// A group's ranked list built from its candidates counted by kind (what the database hands over) gives, page by
/// page, exactly the list that ranking every task would: the same tasks in the same published order.
/// </summary>
public class MatchTiersTests
{
    private static readonly MatchReferenceData Reference = MatchReferenceDataTests.Published;
    private static readonly DateOnly FirstStart = new(2027, 1, 1);

    /// <summary>
    /// A group whose mark and insurance count only for work starting before a date (so a task's start date moves it
    /// between tiers), with experience in one category.
    /// </summary>
    private static MatchGroup GroupFor(MatchTask task) => MatchScoringTests.Group(
        categories: [Categories.WatchOver, Categories.Cleanup],
        wards: [Wards.Nakahara],
        certification: task.StartDate < FirstStart.AddDays(9) ? new CertificationFact(true, FirstStart.AddDays(8)) : CertificationFact.None,
        insurance: task.StartDate < FirstStart.AddDays(15) ? new InsuranceFact(true, FirstStart.AddDays(14)) : InsuranceFact.None,
        track: TrackRecord.None with { CompletedInCategory = task.Category == Categories.Cleanup ? 3 : 0 });

    /// <summary>Tasks of every kind a candidate list mixes: categories (same, related, unrelated), wards (same, next, far), start dates, requirements.</summary>
    private static List<(int Id, CommunityTask Task)> City(int count, int seed)
    {
        var random = new Random(seed);
        string[] categories = [Categories.WatchOver, Categories.ElderlySalon, Categories.Cleanup, Categories.WasteStation, Categories.CrimePatrol];
        string[] wards = [Wards.Nakahara, Wards.Saiwai, Wards.Takatsu, Wards.Asao];
        return Enumerable.Range(1, count)
            .Select(id =>
            {
                var start = FirstStart.AddDays(random.Next(30));
                var details = Details(
                    categories[random.Next(categories.Length)],
                    wards[random.Next(wards.Length)],
                    certificationRequired: random.Next(3) == 0,
                    insuranceRequired: random.Next(4) == 0) with
                {
                    StartDate = start,
                    EndDate = start.AddDays(10),
                };
                return (id, OpenTask(details with { VisitsPlanned = details.VisitWeekdays.CountBetween(start, start.AddDays(10)) }));
            })
            .ToList();
    }

    /// <summary>A tier's tasks: those in one of its ranges, by the ranges' own database conditions compiled.</summary>
    private static Func<CommunityTask, bool> Selects(MatchTier tier)
    {
        var ranges = tier.Ranges.Select(r => r.Selects().Compile()).ToList();
        return task => ranges.Any(inRange => inRange(task));
    }

    private static MatchTask AsMatch((int Id, CommunityTask Task) t) => MatchTask.Of(t.Task) with { Id = t.Id };

    /// <summary>The list the slow way: every task scored and ranked by the published order.</summary>
    private static List<int> RankedOneByOne(List<(int Id, CommunityTask Task)> city, Func<MatchTask, MatchGroup>? groupFor = null) =>
        MatchRanking.Rank(
                MatchScoring.ScoreTasks(city.Select(AsMatch), groupFor ?? GroupFor, MatchWeights.Default, Reference).ToList(),
                p => p.Task.Id,
                p => p.Score)
            .Select(p => p.Task.Id)
            .ToList();

    /// <summary>
    /// The list by tiers: the tasks counted by kind and span of start dates (by default one span per day), then each
    /// page's rows picked by the tiers' conditions in id order.
    /// </summary>
    private static List<int> RankedByTiers(
        List<(int Id, CommunityTask Task)> city, int pageSize, out IReadOnlyList<MatchTier> tiers,
        Func<MatchTask, MatchGroup>? groupFor = null, IReadOnlyList<DateOnly>? boundaries = null)
    {
        (DateOnly From, DateOnly To) SpanOf(DateOnly start) => boundaries is null
            ? (start, start)
            : (boundaries.Where(b => b <= start).DefaultIfEmpty(DateOnly.MinValue).Max(),
               boundaries.Where(b => b > start).Select(b => b.AddDays(-1)).DefaultIfEmpty(DateOnly.MaxValue).Min());
        var kinds = city
            .Select(AsMatch)
            .GroupBy(t => (t.Category, t.Ward, t.CertificationRequired, t.InsuranceRequired, Span: SpanOf(t.StartDate)))
            .Select(g => (new MatchKindRange(g.Key.Category, g.Key.Ward, g.Key.CertificationRequired, g.Key.InsuranceRequired, g.Key.Span.From, g.Key.Span.To), g.Count()));
        tiers = MatchTiers.Of(kinds, groupFor ?? GroupFor, MatchWeights.Default, Reference);
        var total = tiers.Sum(t => t.Count);
        var listed = new List<int>();
        for (var skip = 0; skip < total; skip += pageSize)
        {
            foreach (var (tier, from, take) in MatchTiers.Window(tiers, skip, pageSize))
            {
                var selects = Selects(tier);
                listed.AddRange(city.Where(t => selects(t.Task)).Select(t => t.Id).Order().Skip(from).Take(take));
            }
        }

        return listed;
    }

    [Theory]
    [InlineData(1, 20)]
    [InlineData(2, 7)]
    [InlineData(3, 1)]
    public void PagesOfTheTiersAreTheListThatRankingEveryTaskGives(int seed, int pageSize)
    {
        var city = City(400, seed);

        var expected = RankedOneByOne(city);
        var listed = RankedByTiers(city, pageSize, out var tiers);

        Assert.NotEmpty(expected);
        Assert.True(expected.Count < city.Count, "the city holds tasks that are not candidates");
        Assert.Equal(expected, listed);
        Assert.True(tiers.Count > 3, "start dates, requirements and fit spread the list over several tiers");
    }

    [Fact]
    public void TiersRunBestFirstWithoutGapsAndEachTaskLandsInExactlyOneTier()
    {
        var city = City(300, 4);
        _ = RankedByTiers(city, 20, out var tiers);

        Assert.Equal(0, tiers[0].Start);
        Assert.All(tiers.Zip(tiers.Skip(1)), pair =>
        {
            Assert.Equal(pair.First.Start + pair.First.Count, pair.Second.Start);
            Assert.True(
                (pair.First.MeetsRequirements && !pair.Second.MeetsRequirements)
                || (pair.First.MeetsRequirements == pair.Second.MeetsRequirements && pair.First.Total > pair.Second.Total),
                "meeting the requirements first, then the higher total");
        });
        var conditions = tiers.Select(Selects).ToList();
        var candidates = RankedOneByOne(city).ToHashSet();
        Assert.All(city, t => Assert.Equal(candidates.Contains(t.Id) ? 1 : 0, conditions.Count(selects => selects(t.Task))));
    }

    [Fact]
    public void AWindowPastTheEndOfTheListIsEmptyAndOneAcrossTiersTakesFromEachInOrder()
    {
        var city = City(200, 5);
        _ = RankedByTiers(city, 20, out var tiers);
        var total = tiers.Sum(t => t.Count);

        Assert.Empty(MatchTiers.Window(tiers, total, 20));
        var across = MatchTiers.Window(tiers, tiers[1].Start - 2, 5).ToList();
        Assert.Equal(tiers[0], across[0].Tier);
        Assert.Equal((tiers[0].Count - 2, 2), (across[0].Skip, across[0].Take));
        Assert.Equal(tiers[1], across[1].Tier);
        Assert.Equal(0, across[1].Skip);
        Assert.Equal(5, across.Sum(p => p.Take));
    }

    [Fact]
    public void ARealGroupsListCountedBySpansBetweenItsMarkAndInsuranceDatesIsTheSameList()
    {
        // Marked from before the first start date to the 8th day, insured to the 15th: three boundaries inside the month.
        var group = CertifiedGroup(issued: Today.AddDays(-30), expires: FirstStart.AddDays(7));
        group.DeclareInsurance("あいおい損保", null, FirstStart.AddDays(14), Now);
        MatchGroup Facts(MatchTask task) => new(
            group.Id, group.Categories, group.WardsServed,
            CertificationFact.Of(group, Today, task.StartDate), InsuranceFact.Of(group, task.StartDate),
            CapacityFact.NotStated, TrackRecord.None);
        var boundaries = MatchStartSpans.Boundaries(group);
        var city = City(400, 6);

        var expected = RankedOneByOne(city, Facts);
        var listed = RankedByTiers(city, 9, out var tiers, Facts, boundaries);

        Assert.Equal([FirstStart.AddDays(8), FirstStart.AddDays(15)], boundaries.Where(b => b > FirstStart));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, listed);
        Assert.True(tiers.Count > 3);
    }

    [Fact]
    public void BetweenTwoBoundariesEveryStartDateGivesAGroupTheSameFacts()
    {
        var group = CertifiedGroup(issued: Today.AddDays(3), expires: Today.AddDays(40));
        group.DeclareInsurance("あいおい損保", null, Today.AddDays(20), Now);
        var boundaries = MatchStartSpans.Boundaries(group);
        (CertificationFact, InsuranceFact) FactsOn(DateOnly start) => (CertificationFact.Of(group, Today, start), InsuranceFact.Of(group, start));

        var days = Enumerable.Range(-10, 80).Select(Today.AddDays).ToList();
        foreach (var (day, next) in days.Zip(days.Skip(1)))
        {
            if (!boundaries.Contains(next))
            {
                Assert.Equal(FactsOn(day), FactsOn(next));
            }
        }

        Assert.Equal([Today.AddDays(3), Today.AddDays(21), Today.AddDays(41)], boundaries);
        Assert.Empty(MatchStartSpans.Boundaries(VerifiedGroup()));
    }
}
