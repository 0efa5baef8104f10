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

    private static MatchTask AsMatch((int Id, CommunityTask Task) t) => MatchTask.Of(t.Task) with { Id = t.Id };

    /// <summary>The list the slow way: every task scored and ranked by the published order.</summary>
    private static List<int> RankedOneByOne(List<(int Id, CommunityTask Task)> city) =>
        MatchRanking.Rank(
                MatchScoring.ScoreTasks(city.Select(AsMatch), GroupFor, MatchWeights.Default, Reference).ToList(),
                p => p.Task.Id,
                p => p.Score)
            .Select(p => p.Task.Id)
            .ToList();

    /// <summary>The list by tiers: the tasks counted by kind, then each page's rows picked by the tiers' conditions in id order.</summary>
    private static List<int> RankedByTiers(List<(int Id, CommunityTask Task)> city, int pageSize, out IReadOnlyList<MatchTier> tiers)
    {
        var kinds = city
            .GroupBy(t => MatchTaskKind.Of(AsMatch(t)))
            .Select(g => (g.Key, g.Count()));
        tiers = MatchTiers.Of(kinds, GroupFor, MatchWeights.Default, Reference);
        var total = tiers.Sum(t => t.Count);
        var listed = new List<int>();
        for (var skip = 0; skip < total; skip += pageSize)
        {
            foreach (var (tier, from, take) in MatchTiers.Window(tiers, skip, pageSize))
            {
                var selects = tier.Selects().Compile();
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
        var conditions = tiers.Select(t => t.Selects().Compile()).ToList();
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
}
