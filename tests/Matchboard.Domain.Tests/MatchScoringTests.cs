using Matchboard.Domain.Matching;
using Matchboard.Domain.Organizations;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

/// <summary>Each factor of the published rubric, with the default weights (README, "The matching rubric").</summary>
public class MatchScoringTests
{
    private static readonly MatchReferenceData Reference = MatchReferenceDataTests.Published;
    private static readonly DateOnly Start = new(2027, 1, 10);

    public static MatchTask Task(
        int id = 1,
        string category = Categories.WatchOver,
        string ward = Wards.Nakahara,
        bool certificationRequired = false,
        bool insuranceRequired = false,
        long feeYen = 50_000) =>
        new(id, category, ward, Start, certificationRequired, insuranceRequired, feeYen);

    /// <summary>By default a first-time group doing watch-over in Nakahara, no mark, no insurance, no capacity stated.</summary>
    public static MatchGroup Group(
        int id = 1,
        string[]? categories = null,
        string[]? wards = null,
        CertificationFact? certification = null,
        InsuranceFact? insurance = null,
        CapacityFact? capacity = null,
        TrackRecord? track = null) =>
        new(id, categories ?? [Categories.WatchOver], wards ?? [Wards.Nakahara],
            certification ?? CertificationFact.None, insurance ?? InsuranceFact.None,
            capacity ?? CapacityFact.NotStated, track ?? TrackRecord.None);

    private static MatchScore Score(MatchTask? task = null, MatchGroup? group = null, MatchWeights? weights = null) =>
        MatchScoring.ScoreTask(task ?? Task(), group ?? Group(), weights ?? MatchWeights.Default, Reference)
        ?? throw new Xunit.Sdk.XunitException("expected a candidate");

    private static MatchReason Reason(MatchScore score, string code) => Assert.Single(score.Reasons, r => r.Code == code);

    private static MatchReason BidReason(MatchBid bid, string code, long feeYen = 50_000) =>
        Reason(MatchScoring.ScoreBid(Task(feeYen: feeYen), Group(), bid, MatchWeights.Default, Reference), code);

    [Fact]
    public void AGroupsListScoresEachTaskExactlyAsScoringItAloneWouldAndLeavesOutNonCandidates()
    {
        var categories = new[] { Categories.WatchOver, Categories.ElderlySalon, Categories.Cleanup };
        var wards = new[] { Wards.Nakahara, Wards.Saiwai, Wards.Asao };
        var tasks = Enumerable.Range(1, 60)
            .Select(i => Task(id: i, category: categories[i % 3], ward: wards[i / 3 % 3], certificationRequired: i % 4 == 0, insuranceRequired: i % 5 == 0))
            .ToList();
        var certified = new CertificationFact(true, Start.AddDays(100));
        var insured = new InsuranceFact(true, Start.AddDays(5));
        // The group's facts differ by task (its experience in the task's category, the mark and insurance on its start).
        MatchGroup GroupFor(MatchTask task) => Group(
            categories: [Categories.WatchOver],
            certification: task.Id % 3 == 0 ? certified : CertificationFact.None,
            insurance: task.Id % 2 == 0 ? insured : InsuranceFact.None,
            track: TrackRecord.None with { CompletedInCategory = task.Category == Categories.WatchOver ? 2 : 0 });

        var listed = MatchScoring.ScoreTasks(tasks, GroupFor, MatchWeights.Default, Reference).ToList();

        var alone = tasks
            .Select(t => (Task: t, Score: MatchScoring.ScoreTask(t, GroupFor(t), MatchWeights.Default, Reference)))
            .Where(p => p.Score is not null)
            .ToList();
        Assert.Equal(alone.Select(p => p.Task.Id), listed.Select(p => p.Task.Id));
        AssertSameScores(alone.Select(p => p.Score!), listed.Select(p => p.Score));
        Assert.DoesNotContain(listed, p => p.Task.Category == Categories.Cleanup);
        Assert.Contains(listed, p => p.Task.Category == Categories.ElderlySalon);
    }

    [Fact]
    public void ATasksGroupsAreScoredEachExactlyAsScoringItAloneWouldAndNonCandidatesAreLeftOut()
    {
        var categorySets = new[] { new[] { Categories.WatchOver }, [Categories.ElderlySalon], [Categories.Cleanup], [Categories.ElderlySalon, Categories.WatchOver] };
        var wardSets = new[] { new[] { Wards.Nakahara }, [Wards.Saiwai], [Wards.Asao], [Wards.Asao, Wards.Takatsu] };
        var task = Task(certificationRequired: true);
        // Many groups share a kind (fits and facts), some differ only in which served category or ward fits.
        var groups = Enumerable.Range(1, 120)
            .Select(i => Group(
                id: i,
                categories: categorySets[i % 4],
                wards: wardSets[i / 4 % 4],
                certification: i % 3 == 0 ? new CertificationFact(true, Start.AddDays(100 + i % 2)) : CertificationFact.None,
                insurance: i % 5 == 0 ? new InsuranceFact(true, Start.AddDays(5)) : InsuranceFact.None,
                capacity: new CapacityFact(i % 2, 3),
                track: TrackRecord.None with { CompletedInCategory = i % 7 == 0 ? 2 : 0 }))
            .ToList();

        var listed = MatchScoring.ScoreGroups(task, groups, g => g, MatchWeights.Default, Reference).ToList();

        var alone = groups
            .Select(g => (Group: g, Score: MatchScoring.ScoreTask(task, g, MatchWeights.Default, Reference)))
            .Where(p => p.Score is not null)
            .ToList();
        Assert.Equal(alone.Select(p => p.Group.Id), listed.Select(p => p.Item.Id));
        AssertSameScores(alone.Select(p => p.Score!), listed.Select(p => p.Score));
        Assert.DoesNotContain(listed, p => p.Item.Categories.SequenceEqual([Categories.Cleanup]));
        Assert.DoesNotContain(listed, p => p.Item.WardsServed.SequenceEqual([Wards.Asao]));
    }

    [Fact]
    public void AFirstTimeGroupInTheSameCategoryAndWardScoresFitPlusNeutralEverywhereElse()
    {
        var score = Score();

        Assert.Equal(
            [MatchReasons.SameCategory, MatchReasons.SameWard, MatchReasons.NotCertified, MatchReasons.NotInsured,
             MatchReasons.CapacityNotStated, MatchReasons.NoExperience, MatchReasons.NoVisits, MatchReasons.NoReports, MatchReasons.NoReviews],
            score.Reasons.Select(r => r.Code));
        Assert.Equal([40, 30, 0, 0, 5, 5, 5, 5, 5], score.Reasons.Select(r => r.Points));
        Assert.Equal(95, score.Total);
        Assert.True(score.MeetsRequirements);
    }

    [Fact]
    public void TheTotalIsAlwaysTheSumOfTheReasonsAndNoReasonExceedsItsWeight()
    {
        var score = MatchScoring.ScoreBid(
            Task(category: Categories.ElderlySalon, ward: Wards.Takatsu),
            Group(certification: new(true, Start.AddYears(1)), capacity: new(1, 3), track: new(2, 7, 9, 3, 4, 4.4m, 5)),
            new MatchBid(58_000, Start.AddDays(3)), MatchWeights.Default, Reference);

        Assert.Equal(score.Reasons.Sum(r => r.Points), score.Total);
        Assert.All(score.Reasons, r => Assert.InRange(r.Points, 0, r.MaxPoints));
    }

    [Fact]
    public void TheSameCategoryGivesFullPointsAndARelatedOneHalf()
    {
        Assert.Equal(MatchReason.Of(MatchReasons.SameCategory, 40, 40, Categories.WatchOver).Points, Reason(Score(), MatchReasons.SameCategory).Points);

        var related = Reason(Score(Task(category: Categories.ElderlySalon)), MatchReasons.RelatedCategory);
        Assert.Equal(20, related.Points);
        Assert.Equal([Categories.ElderlySalon, Categories.WatchOver], related.Arguments);
    }

    [Fact]
    public void AGroupServingTheCategoryItselfIsNotCountedAsRelatedToo()
    {
        var score = Score(group: Group(categories: [Categories.ElderlySalon, Categories.WatchOver]));
        Assert.Equal(40, Reason(score, MatchReasons.SameCategory).Points);
        Assert.DoesNotContain(score.Reasons, r => r.Code == MatchReasons.RelatedCategory);
    }

    [Fact]
    public void AnUnrelatedCategoryIsNotACandidate()
    {
        Assert.Null(MatchScoring.ScoreTask(Task(category: Categories.Cleanup), Group(), MatchWeights.Default, Reference));
        Assert.False(MatchScoring.IsCandidate(Task(category: Categories.Cleanup), Group(), Reference));
    }

    [Fact]
    public void TheSameWardGivesFullPointsAndANeighbouringOneHalf()
    {
        Assert.Equal(30, Reason(Score(), MatchReasons.SameWard).Points);

        var near = Reason(Score(Task(ward: Wards.Saiwai)), MatchReasons.NeighbouringWard);
        Assert.Equal(15, near.Points);
        Assert.Equal([Wards.Saiwai, Wards.Nakahara], near.Arguments);
    }

    [Fact]
    public void AWardNeitherServedNorNextToOneServedIsNotACandidate()
    {
        Assert.Null(MatchScoring.ScoreTask(Task(ward: Wards.Asao), Group(), MatchWeights.Default, Reference));
        Assert.Null(MatchScoring.ScoreTask(Task(ward: Wards.Kawasaki), Group(), MatchWeights.Default, Reference));
    }

    [Fact]
    public void ABidOutsideTheCandidateRuleIsStillScoredWithNoPointsForFit()
    {
        var score = MatchScoring.ScoreBid(Task(category: Categories.Cleanup, ward: Wards.Asao), Group(), new MatchBid(50_000, Start), MatchWeights.Default, Reference);

        Assert.Equal(0, Reason(score, MatchReasons.OtherCategory).Points);
        Assert.Equal(0, Reason(score, MatchReasons.OutsideWards).Points);
    }

    [Fact]
    public void TheCandidateSetsForTheDatabaseIncludeRelatedCategoriesAndNeighbouringWards()
    {
        Assert.Equal(
            new[] { Categories.DisasterPrep, Categories.ElderlySalon, Categories.WatchOver },
            MatchScoring.CandidateCategories([Categories.WatchOver], Reference).Order());
        Assert.Equal(
            new[] { Wards.Nakahara, Wards.Saiwai, Wards.Takatsu },
            MatchScoring.CandidateWards([Wards.Nakahara], Reference).Order());
    }

    [Fact]
    public void TheCandidateSetsAgreeWithTheCandidateRuleForEveryCategoryAndWard()
    {
        var group = Group(categories: [Categories.Cleanup, Categories.ChildSafety], wards: [Wards.Miyamae]);
        var categories = MatchScoring.CandidateCategories(group.Categories, Reference);
        var wards = MatchScoring.CandidateWards(group.WardsServed, Reference);

        foreach (var category in Categories.All)
        {
            foreach (var ward in Wards.All)
            {
                var task = Task(category: category, ward: ward);
                Assert.Equal(categories.Contains(category) && wards.Contains(ward), MatchScoring.IsCandidate(task, group, Reference));
                Assert.Equal(MatchScoring.IsCandidate(task, group, Reference), MatchScoring.ScoreTask(task, group, MatchWeights.Default, Reference) is not null);
            }
        }
    }

    [Fact]
    public void ACertificationThatCountsGivesPointsAndSaysUntilWhen()
    {
        var until = new DateOnly(2027, 3, 31);
        var reason = Reason(Score(group: Group(certification: new(true, until))), MatchReasons.Certified);

        Assert.Equal(10, reason.Points);
        Assert.Equal([new YearMonth(2027, 3)], reason.Arguments);
    }

    [Fact]
    public void MarksEndingInTheSameMonthAreToldAndScoredAlikeAndADifferentMonthIsNot()
    {
        var groups = new[] { new DateOnly(2027, 3, 5), new DateOnly(2027, 3, 31), new DateOnly(2027, 4, 1) }
            .Select((until, i) => Group(id: i + 1, certification: new CertificationFact(true, until)))
            .ToList();

        var scores = MatchScoring.ScoreGroups(Task(), groups, g => g, MatchWeights.Default, Reference).Select(p => p.Score).ToList();

        Assert.Same(scores[0], scores[1]);
        Assert.NotSame(scores[1], scores[2]);
        Assert.Equal([new YearMonth(2027, 3)], Reason(scores[0], MatchReasons.Certified).Arguments);
        Assert.Equal([new YearMonth(2027, 4)], Reason(scores[2], MatchReasons.Certified).Arguments);
    }

    [Fact]
    public void NoCertificationGivesNoPointsButMeetsATaskThatDoesNotRequireIt()
    {
        var score = Score();
        Assert.Equal(0, Reason(score, MatchReasons.NotCertified).Points);
        Assert.True(score.MeetsRequirements);
    }

    [Fact]
    public void ATaskRequiringCertificationIsNotMetWithoutIt()
    {
        var score = Score(Task(certificationRequired: true));
        Assert.Equal(0, Reason(score, MatchReasons.CertificationRequiredMissing).Points);
        Assert.False(score.MeetsRequirements);

        Assert.True(Score(Task(certificationRequired: true), Group(certification: new(true, Start))).MeetsRequirements);
    }

    [Fact]
    public void TheCertificationFactIsTheOneBiddingRuleValidOnTheBidDayAndTheStartDate()
    {
        var start = Today.AddDays(30);
        Assert.Equal(new CertificationFact(true, Today.AddDays(30)), CertificationFact.Of(CertifiedGroup(expires: Today.AddDays(30)), Today, start));
        Assert.Equal(CertificationFact.None, CertificationFact.Of(CertifiedGroup(expires: Today.AddDays(29)), Today, start));
        Assert.Equal(CertificationFact.None, CertificationFact.Of(CertifiedGroup(issued: Today.AddDays(1)), Today, start));
        Assert.Equal(CertificationFact.None, CertificationFact.Of(VerifiedGroup(), Today, start));
    }

    [Fact]
    public void InsuranceValidOnTheStartDateGivesPointsAndSaysUntilWhen()
    {
        Organization Insured(DateOnly? validUntil)
        {
            var group = VerifiedGroup();
            if (validUntil is { } until)
            {
                group.DeclareInsurance("あいおい損保", null, until, Now);
            }

            return group;
        }

        Assert.Equal(InsuranceFact.None, InsuranceFact.Of(Insured(Start.AddDays(-1)), Start));
        Assert.Equal(InsuranceFact.None, InsuranceFact.Of(Insured(null), Start));
        var fact = InsuranceFact.Of(Insured(Start), Start);
        Assert.Equal(new InsuranceFact(true, Start), fact);

        var reason = Reason(Score(group: Group(insurance: fact)), MatchReasons.Insured);
        Assert.Equal(5, reason.Points);
        Assert.Equal([YearMonth.Of(Start)], reason.Arguments);
    }

    [Fact]
    public void ATaskRequiringInsuranceIsNotMetWithoutIt()
    {
        var score = Score(Task(insuranceRequired: true));
        Assert.Equal(0, Reason(score, MatchReasons.InsuranceRequiredMissing).Points);
        Assert.False(score.MeetsRequirements);
        Assert.Equal(0, Reason(Score(), MatchReasons.NotInsured).Points);
    }

    [Theory]
    [InlineData(0, 2, MatchReasons.CapacityLeft, 10)]
    [InlineData(1, 2, MatchReasons.CapacityLeft, 5)]
    [InlineData(1, 3, MatchReasons.CapacityLeft, 7)]
    [InlineData(2, 2, MatchReasons.CapacityFull, 0)]
    [InlineData(5, 2, MatchReasons.CapacityFull, 0)]
    [InlineData(3, 0, MatchReasons.CapacityNotStated, 5)]
    public void CapacityLeftScoresInProportionAndAFullGroupIsWarnedNotRemoved(int active, int capacity, string code, int points)
    {
        var score = Score(group: Group(capacity: new(active, capacity)));
        Assert.Equal(points, Reason(score, code).Points);
        Assert.True(score.MeetsRequirements);
    }

    [Fact]
    public void AFullGroupsReasonSaysHowFull()
    {
        Assert.Equal([2, 2], Reason(Score(group: Group(capacity: new(2, 2))), MatchReasons.CapacityFull).Arguments);
        Assert.Equal([2, 3], Reason(Score(group: Group(capacity: new(1, 3))), MatchReasons.CapacityLeft).Arguments);
    }

    [Theory]
    [InlineData(0, MatchReasons.NoExperience, 5)]
    [InlineData(1, MatchReasons.Experience, 7)]
    [InlineData(2, MatchReasons.Experience, 8)]
    [InlineData(3, MatchReasons.Experience, 10)]
    [InlineData(40, MatchReasons.Experience, 10)]
    public void ExperienceInTheCategoryOnlyLiftsAboveNeutral(int completed, string code, int points)
    {
        Assert.Equal(points, Reason(Score(group: Group(track: TrackRecord.None with { CompletedInCategory = completed })), code).Points);
    }

    [Theory]
    [InlineData(0, 0, MatchReasons.NoVisits, 5)]
    [InlineData(10, 10, MatchReasons.VisitsKept, 10)]
    [InlineData(9, 10, MatchReasons.VisitsKept, 9)]
    [InlineData(0, 10, MatchReasons.VisitsKept, 0)]
    [InlineData(12, 10, MatchReasons.VisitsKept, 10)]
    public void VisitsMadeAgainstPlannedScoreTheShareKept(int made, int planned, string code, int points)
    {
        Assert.Equal(points, Reason(Score(group: Group(track: TrackRecord.None with { VisitsMade = made, VisitsPlanned = planned })), code).Points);
    }

    [Theory]
    [InlineData(0, 0, MatchReasons.NoReports, 5)]
    [InlineData(4, 4, MatchReasons.ReportsOnTime, 10)]
    [InlineData(3, 4, MatchReasons.ReportsOnTime, 8)]
    [InlineData(1, 4, MatchReasons.ReportsOnTime, 3)]
    [InlineData(0, 4, MatchReasons.ReportsOnTime, 0)]
    public void ReportsOnTimeScoreTheShareFiledOnTimeRoundingHalfUp(int onTime, int due, string code, int points)
    {
        Assert.Equal(points, Reason(Score(group: Group(track: TrackRecord.None with { ReportsOnTime = onTime, ReportsDue = due })), code).Points);
    }

    [Theory]
    [InlineData(null, 0, MatchReasons.NoReviews, 5)]
    [InlineData("5", 3, MatchReasons.Reviews, 10)]
    [InlineData("1", 3, MatchReasons.Reviews, 0)]
    [InlineData("3", 8, MatchReasons.Reviews, 5)]
    [InlineData("4.25", 4, MatchReasons.Reviews, 8)]
    [InlineData("4.4", 0, MatchReasons.NoReviews, 5)]
    public void TheAverageReviewScoresFromOneToFiveStarsAndNoReviewsIsNeutral(string? average, int count, string code, int points)
    {
        var track = TrackRecord.None with { AverageReview = average is null ? null : decimal.Parse(average, System.Globalization.CultureInfo.InvariantCulture), ReviewCount = count };
        Assert.Equal(points, Reason(Score(group: Group(track: track)), code).Points);
    }

    [Fact]
    public void TheReviewReasonShowsTheAverageToOnePlaceAndTheCount()
    {
        var reason = Reason(Score(group: Group(track: TrackRecord.None with { AverageReview = 4.25m, ReviewCount = 4 })), MatchReasons.Reviews);
        Assert.Equal([4.3m, 4], reason.Arguments);
    }

    [Theory]
    [InlineData(45_000, MatchReasons.PriceWithinFee, 20)]
    [InlineData(50_000, MatchReasons.PriceWithinFee, 20)]
    [InlineData(50_001, MatchReasons.PriceOverFee, 20)]
    [InlineData(60_000, MatchReasons.PriceOverFee, 12)]
    [InlineData(70_000, MatchReasons.PriceOverFee, 4)]
    [InlineData(75_000, MatchReasons.PriceOverFee, 0)]
    [InlineData(90_000, MatchReasons.PriceOverFee, 0)]
    public void ABidWithinTheFeeGetsThePricePointsAndLessTheFurtherItGoesOver(long amount, string code, int points)
    {
        Assert.Equal(points, BidReason(new MatchBid(amount, Start), code).Points);
    }

    [Fact]
    public void ThePriceReasonSaysHowFarOverInWholePercentRoundedUp()
    {
        Assert.Equal([50_001L, 50_000L, 1], BidReason(new MatchBid(50_001, Start), MatchReasons.PriceOverFee).Arguments);
        Assert.Equal([60_000L, 50_000L, 20], BidReason(new MatchBid(60_000, Start), MatchReasons.PriceOverFee).Arguments);
    }

    [Fact]
    public void VolunteerWorkWithoutAFeeGivesTheNeutralPricePoints()
    {
        Assert.Equal(10, BidReason(new MatchBid(0, Start), MatchReasons.PriceNoFee, feeYen: 0).Points);
    }

    [Theory]
    [InlineData(-5, MatchReasons.StartOnTime, 10)]
    [InlineData(0, MatchReasons.StartOnTime, 10)]
    [InlineData(1, MatchReasons.StartLate, 9)]
    [InlineData(7, MatchReasons.StartLate, 5)]
    [InlineData(14, MatchReasons.StartLate, 0)]
    [InlineData(60, MatchReasons.StartLate, 0)]
    public void AnEarliestStartOnOrBeforeTheTasksStartGetsTheStartPointsLessForEachDayLate(int daysLate, string code, int points)
    {
        var reason = BidReason(new MatchBid(50_000, Start.AddDays(daysLate)), code);
        Assert.Equal(points, reason.Points);
        if (daysLate > 0)
        {
            Assert.Equal([Start.AddDays(daysLate), daysLate], reason.Arguments);
        }
    }

    [Fact]
    public void ABidsScoreIsTheGroupsScoreForTheTaskPlusPriceAndStart()
    {
        var group = Group(track: new(1, 8, 10, 2, 2, 4m, 2));
        var forTask = Score(group: group);
        var forBid = MatchScoring.ScoreBid(Task(), group, new MatchBid(50_000, Start), MatchWeights.Default, Reference);

        Assert.Equal(forTask.Total + 20 + 10, forBid.Total);
        Assert.Equal(forTask.Reasons.Select(r => r.Code).Concat([MatchReasons.PriceWithinFee, MatchReasons.StartOnTime]), forBid.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void ConfiguredWeightsChangeThePoints()
    {
        var weights = MatchWeights.Default with { SameWard = 60, NeighbouringWard = 0, Reviews = 0 };
        var score = Score(Task(ward: Wards.Takatsu), weights: weights);

        Assert.Equal(0, Reason(score, MatchReasons.NeighbouringWard).Points);
        Assert.Equal(60, Reason(Score(weights: weights), MatchReasons.SameWard).Points);
        Assert.Equal(0, Reason(score, MatchReasons.NoReviews).Points);
    }

    [Fact]
    public void TheSameInputsAlwaysGiveTheSameScoreAndExplanation()
    {
        var group = Group(categories: [Categories.ElderlySalon, Categories.DisasterPrep], wards: [Wards.Tama, Wards.Nakahara]);
        var first = Score(Task(ward: Wards.Takatsu), group);
        var second = Score(Task(ward: Wards.Takatsu), group with { Categories = [Categories.DisasterPrep, Categories.ElderlySalon], WardsServed = [Wards.Nakahara, Wards.Tama] });

        Assert.Equal(first.Total, second.Total);
        Assert.Equal(first.Reasons.Select(r => (r.Code, r.Points, string.Join(",", r.Arguments))), second.Reasons.Select(r => (r.Code, r.Points, string.Join(",", r.Arguments))));
        // Two related categories and two neighbouring wards: the reason names the first by code, whatever the order served.
        Assert.Equal([Categories.WatchOver, Categories.DisasterPrep], Reason(first, MatchReasons.RelatedCategory).Arguments);
        Assert.Equal([Wards.Takatsu, Wards.Nakahara], Reason(first, MatchReasons.NeighbouringWard).Arguments);
    }

    [Fact]
    public void TopReasonsAreThoseGivingMostPointsInTheRubricsOrderOnTies()
    {
        var score = Score(group: Group(certification: new(true, Start), track: TrackRecord.None with { ReviewCount = 3, AverageReview = 5m }));
        Assert.Equal([MatchReasons.SameCategory, MatchReasons.SameWard, MatchReasons.Certified], score.TopReasons(3).Select(r => r.Code));
        Assert.DoesNotContain(Score().TopReasons(20), r => r.Points == 0);
    }

    [Fact]
    public void ThePublishedWeightsAreUsableAndNonsenseIsRefused()
    {
        Assert.Empty(MatchWeights.Default.Problems());
        Assert.Empty(MatchFairness.Default.Problems());
        Assert.NotEmpty((MatchWeights.Default with { Reviews = -1 }).Problems());
        Assert.NotEmpty((MatchWeights.Default with { RelatedCategory = 50 }).Problems());
        Assert.NotEmpty((MatchWeights.Default with { NeighbouringWard = 31 }).Problems());
        Assert.NotEmpty((MatchWeights.Default with { ExperienceFullAt = 0 }).Problems());
        Assert.NotEmpty((MatchWeights.Default with { StartZeroAtDaysLate = 0 }).Problems());
        Assert.NotEmpty((MatchFairness.Default with { ShareOfAwardsPercent = 101 }).Problems());
    }

    /// <summary>Scores equal one by one: total, requirements met, and each reason's code, points and arguments.</summary>
    private static void AssertSameScores(IEnumerable<MatchScore> expected, IEnumerable<MatchScore> actual) =>
        Assert.All(actual.Zip(expected), pair =>
        {
            Assert.Equal(pair.Second.Total, pair.First.Total);
            Assert.Equal(pair.Second.MeetsRequirements, pair.First.MeetsRequirements);
            Assert.Equal(pair.Second.Reasons, pair.First.Reasons, (a, b) => a.Code == b.Code && a.Points == b.Points && a.Arguments.SequenceEqual(b.Arguments));
        });
}
