using Matchboard.Domain;
using Matchboard.Domain.Tasks;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

/// <summary>Drafts are rewritten freely; an open task is rewritten in public, and its bidders asked to look again.</summary>
public sealed class TaskEditingTests
{
    [Fact]
    public void ADraftIsRewrittenWithoutHistory()
    {
        var task = DraftTask();

        var changes = task.Edit(Details() with { Title = "見守り訪問（改）", FeeYen = 60_000 }, Now);

        Assert.Empty(changes);
        Assert.Equal("見守り訪問（改）", task.Title);
        Assert.Equal(60_000, task.FeeYen);
        Assert.Equal(0, task.Revision);
    }

    [Fact]
    public void ADraftEditFollowsThePostingRules()
    {
        var task = DraftTask();

        AssertInvalid(() => task.Edit(Details() with { Title = " " }, Now), ("title", "required"));
        Assert.Equal(Details().Title, task.Title);
    }

    [Fact]
    public void AnOpenTaskEditRecordsEachChangedFieldWithOldAndNewValues()
    {
        var task = OpenTask();
        var later = Now.AddHours(2);

        var changes = task.Edit(Details() with { Title = "見守り訪問", FeeYen = 55_000 }, later);

        Assert.Equal(
            [("title", "高齢者見守り訪問", "見守り訪問", false), ("feeYen", "50000", "55000", true)],
            changes.Select(c => (c.Field, c.OldValue, c.NewValue, c.ChangesTerms)));
        Assert.All(changes, c => Assert.Equal((1, later), (c.Revision, c.ChangedAt)));
        Assert.Equal(changes, task.Changes);
        Assert.Equal(55_000, task.FeeYen);
    }

    [Fact]
    public void EachEditIsItsOwnRevision()
    {
        var task = OpenTask();

        task.Edit(Details() with { Title = "一回目" }, Now);
        task.Edit(Details() with { Title = "二回目" }, Now);

        Assert.Equal([1, 2], task.Changes.Select(c => c.Revision));
        Assert.Equal(("一回目", "二回目"), (task.Changes[1].OldValue, task.Changes[1].NewValue));
    }

    [Fact]
    public void AnEditThatChangesNothingLeavesNoHistory()
    {
        var task = OpenTask();

        Assert.Empty(task.Edit(Details() with { Title = "  高齢者見守り訪問 " }, Now));
        Assert.Empty(task.Changes);
        Assert.Equal(0, task.Revision);
    }

    [Theory]
    [InlineData(CommunityTaskStatus.Closed)]
    [InlineData(CommunityTaskStatus.Awarded)]
    [InlineData(CommunityTaskStatus.Cancelled)]
    [InlineData(CommunityTaskStatus.Unawarded)]
    public void ATaskNoLongerOpenCannotBeEdited(CommunityTaskStatus status)
    {
        var task = TaskIn(status);

        AssertFails(() => task.Edit(Details() with { Title = "変更" }, AfterDeadline), "task.not-editable", DomainErrorKind.Conflict);
        Assert.Equal(Details().Title, task.Title);
    }

    [Fact]
    public void AnOpenTaskPastItsDeadlineCannotBeEdited()
    {
        var task = OpenTask();

        AssertFails(() => task.Edit(Details() with { BidDeadline = AfterDeadline.AddDays(1) }, AfterDeadline), "task.not-editable", DomainErrorKind.Conflict);
    }

    [Fact]
    public void TheDeadlineMayBeExtendedWithBids()
    {
        var task = OpenTask();
        PlaceBid(task, VerifiedGroup(1), bidId: 11);

        var changes = task.Edit(Details() with { BidDeadline = Deadline.AddDays(1) }, Now);

        Assert.Equal(["bidDeadline"], changes.Select(c => c.Field));
        Assert.Equal(Deadline.AddDays(1), task.BidDeadline);
        Assert.False(task.Bids[0].ForEarlierTerms);
    }

    [Fact]
    public void TheDeadlineCannotComeCloserOnceBidsExist()
    {
        var task = OpenTask();
        PlaceBid(task, VerifiedGroup(1), bidId: 11);

        AssertFails(() => task.Edit(Details() with { BidDeadline = Deadline.AddDays(-1) }, Now), "task.deadline-earlier", DomainErrorKind.RuleViolation);
        Assert.Equal(Deadline, task.BidDeadline);
        Assert.Empty(task.Changes);
    }

    [Fact]
    public void TheDeadlineMayComeCloserWhileNoBidIsLive()
    {
        var task = OpenTask();
        PlaceBid(task, VerifiedGroup(1), bidId: 11);
        task.WithdrawBid(1, Now);

        task.Edit(Details() with { BidDeadline = Deadline.AddDays(-1) }, Now);

        Assert.Equal(Deadline.AddDays(-1), task.BidDeadline);
    }

    [Fact]
    public void AnEndDateMoreThanTwoYearsAwayIsRefused()
    {
        var task = OpenTask();
        var tooFar = Today.AddDays(DateBounds.PlanAheadDays + 1);

        AssertInvalid(() => task.Edit(Details() with { EndDate = tooFar, VisitsPlanned = WeekdaySet.Of(DayOfWeek.Thursday, DayOfWeek.Friday).CountBetween(Details().StartDate, tooFar) }, Now), ("endDate", "too-far-ahead"));
        Assert.Equal(Details().EndDate, task.EndDate);
    }

    [Fact]
    public void AnEndDateExactlyTwoYearsAwayIsAccepted()
    {
        var end = Today.AddDays(DateBounds.PlanAheadDays);
        var details = Details() with { EndDate = end, VisitsPlanned = WeekdaySet.Of(DayOfWeek.Thursday, DayOfWeek.Friday).CountBetween(Details().StartDate, end) };

        Assert.Empty(details.Validate(Now));
    }

    [Theory]
    [InlineData("feeYen")]
    [InlineData("startDate")]
    [InlineData("endDate")]
    [InlineData("visitWeekdays")]
    [InlineData("certificationRequired")]
    [InlineData("insuranceRequired")]
    [InlineData("householdsServed")]
    public void AChangeToTheTermsMarksEveryLiveBidAsMadeForTheEarlierTerms(string field)
    {
        var task = OpenTask();
        var first = PlaceBid(task, VerifiedGroup(1), bidId: 11);
        var second = PlaceBid(task, VerifiedGroup(2), bidId: 12);
        task.WithdrawBid(2, Now);

        var changes = task.Edit(Changed(field), Now);

        Assert.Contains(changes, c => c.Field == field && c.ChangesTerms);
        Assert.True(first.ForEarlierTerms);
        Assert.True(first.IsLive);
        Assert.False(second.ForEarlierTerms);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("description")]
    [InlineData("bidDeadline")]
    public void AChangeOfWordingOrMoreTimeLeavesBidsCurrent(string field)
    {
        var task = OpenTask();
        var bid = PlaceBid(task, VerifiedGroup(1), bidId: 11);

        task.Edit(Changed(field), Now);

        Assert.False(bid.ForEarlierTerms);
    }

    [Fact]
    public void ABidForTheEarlierTermsCanStillBeAwarded()
    {
        var task = OpenTask();
        var bid = PlaceBid(task, VerifiedGroup(1), bidId: 11);
        task.Edit(Changed("feeYen"), Now);

        var contract = task.Award(11, "最も丁寧な提案で、訪問の記録の残し方も具体的だったため。", AfterDeadline);

        Assert.Equal(11, contract.BidId);
        Assert.True(bid.ForEarlierTerms);
    }

    [Fact]
    public void ConfirmingABidMakesItStandForTheCurrentTermsUnchanged()
    {
        var task = OpenTask();
        var bid = PlaceBid(task, VerifiedGroup(1), bidId: 11);
        task.Edit(Changed("feeYen"), Now);

        task.ConfirmBid(1, Now.AddMinutes(5));

        Assert.False(bid.ForEarlierTerms);
        Assert.Equal((40_000L, Domain.Bids.BidStatus.Submitted, Now), (bid.AmountYen, bid.Status, bid.UpdatedAt));
    }

    [Fact]
    public void RevisingABidBringsItUpToDate()
    {
        var task = OpenTask();
        var bid = PlaceBid(task, VerifiedGroup(1), bidId: 11);
        task.Edit(Changed("feeYen"), Now);

        task.ReviseBid(1, Terms(amountYen: 45_000), Now);

        Assert.False(bid.ForEarlierTerms);
    }

    [Fact]
    public void ABidPlacedAfterTheChangeIsForTheCurrentTerms()
    {
        var task = OpenTask();
        task.Edit(Changed("feeYen"), Now);

        Assert.False(PlaceBid(task, VerifiedGroup(1), bidId: 11).ForEarlierTerms);
    }

    [Fact]
    public void ConfirmingNeedsALiveBidAndAnOpenTask()
    {
        var task = OpenTask();
        AssertFails(() => task.ConfirmBid(1, Now), "bid.not-found", DomainErrorKind.Conflict);

        PlaceBid(task, VerifiedGroup(1), bidId: 11);
        AssertFails(() => task.ConfirmBid(1, AfterDeadline), "task.not-accepting-bids", DomainErrorKind.Conflict);
    }

    /// <summary>The default details with one field changed to another valid value.</summary>
    private static TaskDetails Changed(string field)
    {
        var d = Details();
        return field switch
        {
            "title" => d with { Title = "見守り訪問" },
            "description" => d with { Description = "月に四回、二人一組で訪問します。" },
            "feeYen" => d with { FeeYen = 60_000 },
            // 2026-12-10 (Thu) to 12-20: moving the start a day keeps four Thursdays and Fridays.
            "startDate" => d with { StartDate = new DateOnly(2026, 12, 9) },
            "endDate" => d with { EndDate = new DateOnly(2026, 12, 19) },
            "visitWeekdays" => d with { VisitWeekdays = WeekdaySet.Of(DayOfWeek.Thursday, DayOfWeek.Saturday) },
            "certificationRequired" => d with { CertificationRequired = true },
            "insuranceRequired" => d with { InsuranceRequired = true },
            "householdsServed" => d with { HouseholdsServed = 31 },
            "bidDeadline" => d with { BidDeadline = Deadline.AddHours(1) },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }
}
