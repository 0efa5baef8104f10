using Matchboard.Domain.Bids;
using Matchboard.Domain.Tasks;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

public class TaskLifecycleTests
{
    [Fact]
    public void DraftingValidDetailsCreatesADraftCarryingTheDetails()
    {
        var details = Details() with { Title = "  見守り  ", Town = " 小杉町 ", CertificationRequired = true };

        var task = CommunityTask.Draft(AssociationId, details, Now);

        Assert.Equal(CommunityTaskStatus.Draft, task.Status);
        Assert.Equal(AssociationId, task.AssociationId);
        Assert.Equal("見守り", task.Title);
        Assert.Equal("小杉町", task.Town);
        Assert.Equal(details.Category, task.Category);
        Assert.Equal(details.Ward, task.Ward);
        Assert.Equal(details.StartDate, task.StartDate);
        Assert.Equal(details.EndDate, task.EndDate);
        Assert.Equal(details.FeeYen, task.FeeYen);
        Assert.Equal(details.BidDeadline, task.BidDeadline);
        Assert.True(task.CertificationRequired);
        Assert.Equal(Now, task.CreatedAt);
        Assert.Null(task.PublishedAt);
        Assert.Empty(task.Bids);
        Assert.False(task.IsAcceptingBids(Now));
    }

    [Fact]
    public void DraftingInvalidDetailsThrowsInvalidAndCreatesNothing()
    {
        AssertInvalid(
            () => CommunityTask.Draft(AssociationId, Details() with { Title = "" }, Now),
            ("title", "required"));
    }

    [Fact]
    public void PublishingADraftOpensItForBids()
    {
        var task = DraftTask();
        var publishedAt = Now.AddHours(1);

        task.Publish(publishedAt);

        Assert.Equal(CommunityTaskStatus.Open, task.Status);
        Assert.Equal(publishedAt, task.PublishedAt);
        Assert.True(task.IsAcceptingBids(publishedAt));
    }

    [Theory]
    [InlineData(CommunityTaskStatus.Open)]
    [InlineData(CommunityTaskStatus.Closed)]
    [InlineData(CommunityTaskStatus.Awarded)]
    [InlineData(CommunityTaskStatus.Cancelled)]
    [InlineData(CommunityTaskStatus.Unawarded)]
    public void PublishingATaskThatIsNotADraftThrowsNotDraft(CommunityTaskStatus status)
    {
        var task = TaskIn(status);

        AssertFails(() => task.Publish(Now), "task.not-draft", DomainErrorKind.Conflict);
        Assert.Equal(status, task.Status);
    }

    [Fact]
    public void PublishingAtTheDeadlineThrowsDeadlinePassed()
    {
        var task = DraftTask();

        AssertFails(() => task.Publish(Deadline), "task.deadline-passed", DomainErrorKind.RuleViolation);
        Assert.Equal(CommunityTaskStatus.Draft, task.Status);
        Assert.Null(task.PublishedAt);
    }

    [Fact]
    public void PublishingAfterTheDeadlineThrowsDeadlinePassed()
    {
        var task = DraftTask();

        AssertFails(() => task.Publish(AfterDeadline), "task.deadline-passed", DomainErrorKind.RuleViolation);
        Assert.Equal(CommunityTaskStatus.Draft, task.Status);
    }

    [Fact]
    public void AnOpenTaskStopsAcceptingBidsAtTheDeadline()
    {
        var task = OpenTask();

        Assert.True(task.IsAcceptingBids(BeforeDeadline));
        Assert.False(task.IsAcceptingBids(Deadline));
    }

    [Fact]
    public void ClosingAnOpenTaskWithLiveBidsAfterTheDeadlineMarksItClosed()
    {
        var task = OpenTask();
        var bid = PlaceBid(task, VerifiedGroup(1), bidId: 11);

        task.Close(AfterDeadline);

        Assert.Equal(CommunityTaskStatus.Closed, task.Status);
        Assert.Equal(BidStatus.Submitted, bid.Status);
        Assert.True(bid.IsLive);
    }

    [Fact]
    public void ClosingExactlyAtTheDeadlineIsAllowed()
    {
        var task = OpenTask();
        PlaceBid(task, VerifiedGroup(1), bidId: 11);

        task.Close(Deadline);

        Assert.Equal(CommunityTaskStatus.Closed, task.Status);
    }

    [Fact]
    public void ClosingAnOpenTaskWithoutBidsMarksItUnawarded()
    {
        var task = OpenTask();

        task.Close(AfterDeadline);

        Assert.Equal(CommunityTaskStatus.Unawarded, task.Status);
    }

    [Fact]
    public void ClosingAnOpenTaskWhoseOnlyBidWasWithdrawnMarksItUnawarded()
    {
        var task = OpenTask();
        var group = VerifiedGroup(1);
        PlaceBid(task, group, bidId: 11);
        task.WithdrawBid(group.Id, Now);

        task.Close(AfterDeadline);

        Assert.Equal(CommunityTaskStatus.Unawarded, task.Status);
    }

    [Fact]
    public void ClosingBeforeTheDeadlineThrowsDeadlineNotPassed()
    {
        var task = OpenTask();

        AssertFails(() => task.Close(BeforeDeadline), "task.deadline-not-passed", DomainErrorKind.Conflict);
        Assert.Equal(CommunityTaskStatus.Open, task.Status);
    }

    [Theory]
    [InlineData(CommunityTaskStatus.Draft)]
    [InlineData(CommunityTaskStatus.Closed)]
    [InlineData(CommunityTaskStatus.Awarded)]
    [InlineData(CommunityTaskStatus.Cancelled)]
    [InlineData(CommunityTaskStatus.Unawarded)]
    public void ClosingATaskThatIsNotOpenThrowsNotOpen(CommunityTaskStatus status)
    {
        var task = TaskIn(status);

        AssertFails(() => task.Close(AfterDeadline), "task.not-open", DomainErrorKind.Conflict);
        Assert.Equal(status, task.Status);
    }

    [Theory]
    [InlineData(CommunityTaskStatus.Draft)]
    [InlineData(CommunityTaskStatus.Open)]
    [InlineData(CommunityTaskStatus.Closed)]
    public void CancellingADraftOpenOrClosedTaskCancelsIt(CommunityTaskStatus status)
    {
        var task = TaskIn(status);

        task.Cancel(AfterDeadline);

        Assert.Equal(CommunityTaskStatus.Cancelled, task.Status);
    }

    [Fact]
    public void CancellingAnOpenTaskRejectsLiveBidsAndLeavesWithdrawnOnes()
    {
        var task = OpenTask();
        var live = PlaceBid(task, VerifiedGroup(1), bidId: 11);
        var withdrawer = VerifiedGroup(2);
        var withdrawn = PlaceBid(task, withdrawer, bidId: 12);
        task.WithdrawBid(withdrawer.Id, Now);
        var cancelledAt = Now.AddHours(2);

        task.Cancel(cancelledAt);

        Assert.Equal(CommunityTaskStatus.Cancelled, task.Status);
        Assert.Equal(BidStatus.Rejected, live.Status);
        Assert.Equal(cancelledAt, live.DecidedAt);
        Assert.Equal(Now, live.UpdatedAt);
        Assert.Equal(BidStatus.Withdrawn, withdrawn.Status);
        Assert.Equal(Now, withdrawn.UpdatedAt);
    }

    [Fact]
    public void CancellingAClosedTaskRejectsItsWaitingBids()
    {
        var task = TaskIn(CommunityTaskStatus.Closed);

        task.Cancel(AfterDeadline);

        var bid = Assert.Single(task.Bids);
        Assert.Equal(BidStatus.Rejected, bid.Status);
        Assert.False(bid.IsLive);
    }

    [Theory]
    [InlineData(CommunityTaskStatus.Awarded)]
    [InlineData(CommunityTaskStatus.Cancelled)]
    [InlineData(CommunityTaskStatus.Unawarded)]
    public void CancellingAnAwardedCancelledOrUnawardedTaskThrowsCannotCancel(CommunityTaskStatus status)
    {
        var task = TaskIn(status);

        AssertFails(() => task.Cancel(AfterDeadline), "task.cannot-cancel", DomainErrorKind.Conflict);
        Assert.Equal(status, task.Status);
    }

    [Fact]
    public void CancellingAnAwardedTaskLeavesTheAcceptedBidAccepted()
    {
        var task = TaskIn(CommunityTaskStatus.Awarded);

        Assert.Throws<DomainException>(() => task.Cancel(AfterDeadline));

        Assert.Equal(BidStatus.Accepted, Assert.Single(task.Bids).Status);
    }
}
