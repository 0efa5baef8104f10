using System.Reflection;
using Matchboard.Domain.Matching;
using static Matchboard.Domain.Tests.MatchScoringTests;

namespace Matchboard.Domain.Tests;

/// <summary>The fairness guards of the published rubric: newcomers are not buried, ties are stable, nothing can be bought.</summary>
public class MatchFairnessTests
{
    private static readonly MatchReferenceData Reference = MatchReferenceDataTests.Published;

    private static MatchScore Score(MatchTask task, MatchGroup group) =>
        MatchScoring.ScoreTask(task, group, MatchWeights.Default, Reference)!;

    private static readonly TrackRecord Perfect = new(10, 40, 40, 12, 12, 5m, 9);

    [Fact]
    public void ABrandNewGroupWithNoReviewsRanksAboveAWorseFittingGroupWithAPerfectRecord()
    {
        var task = Task(category: Categories.ElderlySalon, ward: Wards.Takatsu);
        var newcomer = Group(id: 2, categories: [Categories.ElderlySalon], wards: [Wards.Takatsu]);
        var veteran = Group(id: 1, categories: [Categories.WatchOver], wards: [Wards.Miyamae], capacity: new(0, 5), track: Perfect);

        var ranked = MatchRanking.Rank([veteran, newcomer], g => g.Id, g => Score(task, g));

        Assert.Equal([2, 1], ranked.Select(g => g.Id));
        Assert.True(Score(task, newcomer).Total > Score(task, veteran).Total);
    }

    [Fact]
    public void AFirstTimeGroupScoresTheSameAsAGroupWithAMiddlingRecordAndAboveAPoorOne()
    {
        var task = Task();
        var middling = new TrackRecord(0, 5, 10, 1, 2, 3m, 4);
        var poor = new TrackRecord(0, 2, 10, 0, 2, 1.5m, 4);

        Assert.Equal(Score(task, Group(track: middling)).Total, Score(task, Group(track: TrackRecord.None)).Total);
        Assert.True(Score(task, Group(track: TrackRecord.None)).Total > Score(task, Group(track: poor)).Total);
    }

    [Fact]
    public void TheTrackRecordCanMoveAScoreByNoMoreThanOneStepOfCategoryFitAboveNeutral()
    {
        // The most a record adds over a newcomer's neutral score is the same as the step from a related to the same category.
        var task = Task();
        var gain = Score(task, Group(track: Perfect)).Total - Score(task, Group()).Total;
        Assert.Equal(MatchWeights.Default.SameCategory - MatchWeights.Default.RelatedCategory, gain);
    }

    [Fact]
    public void TiesAreBrokenByTheLowerIdWhateverTheOrderTheyCameIn()
    {
        var task = Task();
        var groups = new[] { Group(id: 30), Group(id: 7), Group(id: 12) };

        Assert.Equal([7, 12, 30], MatchRanking.Rank(groups, g => g.Id, g => Score(task, g)).Select(g => g.Id));
        Assert.Equal([7, 12, 30], MatchRanking.Rank(groups.Reverse(), g => g.Id, g => Score(task, g)).Select(g => g.Id));
    }

    [Fact]
    public void AHigherScoreComesFirstAndMatchesMeetingTheRequirementsComeBeforeAnyThatDoNot()
    {
        var task = Task(certificationRequired: true);
        var certified = Group(id: 9, certification: new(true, new DateOnly(2027, 3, 31)));
        var uncertifiedButExperienced = Group(id: 1, track: Perfect);
        var certifiedAndExperienced = Group(id: 20, certification: new(true, new DateOnly(2027, 3, 31)), track: Perfect);

        Assert.True(Score(task, uncertifiedButExperienced).Total > Score(task, certified).Total);
        Assert.Equal(
            [20, 9, 1],
            MatchRanking.Rank([uncertifiedButExperienced, certified, certifiedAndExperienced], g => g.Id, g => Score(task, g)).Select(g => g.Id));
    }

    [Fact]
    public void TheInputsAreExactlyThePublishedFactorsSoNothingCanBoostAMatch()
    {
        // Adding an input means changing the published rubric (README) and this list together.
        static string[] Properties<T>() =>
            typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Order().ToArray();

        Assert.Equal(["Capacity", "Categories", "Certification", "Id", "Insurance", "TrackRecord", "WardsServed"], Properties<MatchGroup>());
        Assert.Equal(["Category", "CertificationRequired", "FeeYen", "Id", "InsuranceRequired", "StartDate", "Ward"], Properties<MatchTask>());
        Assert.Equal(["AmountYen", "EarliestStart"], Properties<MatchBid>());
        Assert.Equal(
            ["AverageReview", "CompletedInCategory", "ReportsDue", "ReportsOnTime", "ReviewCount", "VisitsMade", "VisitsPlanned"],
            Properties<TrackRecord>());
    }

    [Fact]
    public void TheIdDecidesOnlyTiesAndNeverTheScore()
    {
        Assert.Equal(Score(Task(), Group(id: 1)).Total, Score(Task(), Group(id: 99_999)).Total);
        Assert.Equal(Score(Task(id: 1), Group()).Total, Score(Task(id: 99_999), Group()).Total);
    }

    [Theory]
    [InlineData(3, 5, true, 60)]
    [InlineData(2, 4, false, 0)]
    [InlineData(3, 4, true, 75)]
    [InlineData(3, 3, false, 0)]
    [InlineData(0, 10, false, 0)]
    [InlineData(6, 6, true, 100)]
    public void AGroupAwardedMoreThanTheShareOfOneAssociationsTasksIsFlagged(int toGroup, int byAssociation, bool flagged, int percent)
    {
        var flag = MatchScoring.ShareOfAwardsFlag(toGroup, byAssociation, MatchFairness.Default);

        Assert.Equal(flagged, flag is not null);
        if (flag is not null)
        {
            Assert.Equal(MatchReasons.ShareOfAwards, flag.Code);
            Assert.Equal(0, flag.Points);
            Assert.Equal([toGroup, byAssociation, percent, MatchFairness.Default.WindowMonths], flag.Arguments);
        }
    }

    [Fact]
    public void TheShareOfAwardsFlagIsConfigurable()
    {
        var fairness = MatchFairness.Default with { ShareOfAwardsPercent = 30, MinimumAwards = 2 };
        Assert.NotNull(MatchScoring.ShareOfAwardsFlag(2, 5, fairness));
        Assert.Null(MatchScoring.ShareOfAwardsFlag(2, 5, MatchFairness.Default));
        Assert.NotNull(MatchScoring.ShareOfAwardsFlag(2, 2, fairness));
    }

    [Theory]
    [InlineData(50, 5, 10, false)] // exactly the share is not more than it
    [InlineData(50, 6, 11, true)]
    [InlineData(100, 8, 8, false)] // a share of 100% can never be exceeded
    [InlineData(0, 1, 4, true)] // a share of 0%: any award in the window is flagged
    public void TheShareIsComparedExactlyAtItsEdges(int percent, int toGroup, int byAssociation, bool flagged)
    {
        var fairness = MatchFairness.Default with { ShareOfAwardsPercent = percent };

        Assert.Equal(flagged, MatchScoring.ShareOfAwardsFlag(toGroup, byAssociation, fairness) is not null);
    }

    [Fact]
    public void TheShownPercentIsRoundedDownSoItNeverOverstatesTheShare()
    {
        var flag = MatchScoring.ShareOfAwardsFlag(4, 6, MatchFairness.Default);

        Assert.Equal(66, Assert.IsType<int>(flag!.Arguments[2]));
    }
}
