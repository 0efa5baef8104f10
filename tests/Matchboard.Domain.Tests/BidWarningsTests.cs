using Matchboard.Domain.Bids;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

/// <summary>
/// Before sending, a group is warned (not refused) when it asks more than the fee or starts after the task does;
/// checking a bid changes nothing and refuses what placing it would refuse.
/// </summary>
public sealed class BidWarningsTests
{
    [Fact]
    public void AnAmountAboveTheFeeIsAWarningAndTheBidCanStillBePlaced()
    {
        var task = OpenTask();
        var terms = new BidTerms(task.FeeYen + 1, "二人一組で訪問します。", 2, task.StartDate);

        Assert.Equal([new FieldError("amountYen", "above-fee")], task.CheckBid(VerifiedGroup(1), terms, Now));
        Assert.Equal(task.FeeYen + 1, task.PlaceBid(VerifiedGroup(1), terms, Now).AmountYen);
    }

    [Fact]
    public void AStartAfterTheTasksStartIsAWarningAndTheBidCanStillBePlaced()
    {
        var task = OpenTask();
        var terms = new BidTerms(task.FeeYen, "二人一組で訪問します。", 2, task.StartDate.AddDays(1));

        Assert.Equal([new FieldError("earliestStart", "after-task-start")], task.CheckBid(VerifiedGroup(1), terms, Now));
        Assert.Equal(task.StartDate.AddDays(1), task.PlaceBid(VerifiedGroup(1), terms, Now).EarliestStart);
    }

    [Fact]
    public void AtTheFeeAndFromTheTasksStartThereIsNothingToWarnAbout()
    {
        var task = OpenTask();

        Assert.Empty(task.CheckBid(VerifiedGroup(1), new BidTerms(task.FeeYen, "二人一組で訪問します。", 2, task.StartDate), Now));
    }

    [Fact]
    public void CheckingABidRefusesWhatPlacingItWouldAndChangesNothing()
    {
        var task = OpenTask();

        AssertInvalid(
            () => task.CheckBid(VerifiedGroup(1), new BidTerms(40_000, "二人一組で訪問します。", 2, Today.AddDays(-1)), Now),
            ("earliestStart", "before-today"));
        AssertInvalid(
            () => task.CheckBid(VerifiedGroup(1), new BidTerms(40_000, "二人一組で訪問します。", 2, task.EndDate.AddDays(1)), Now),
            ("earliestStart", "after-task-end"));
        AssertFails(() => task.CheckBid(VerifiedGroup(1), Terms(), AfterDeadline), "task.not-accepting-bids", DomainErrorKind.Conflict);
        task.CheckBid(VerifiedGroup(1), Terms(), Now);
        Assert.Empty(task.Bids);
    }
}
