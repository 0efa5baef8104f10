using Matchboard.Domain.Tasks;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

public class BidDisclosureTests
{
    [Fact]
    public void BidsStaySealedFromTheAssociationAndThePublicUntilTheDeadline()
    {
        var task = OpenTask();
        PlaceBid(task, VerifiedGroup(), bidId: 1);

        Assert.False(BidDisclosure.IsOpenToAssociation(task));
        Assert.False(BidDisclosure.IsDueToOpen(task, BeforeDeadline));
        Assert.False(BidDisclosure.IsPublic(task));
    }

    [Fact]
    public void TheDeadlineMakesTheBidsDueToOpenAndClosingOpensThemToTheAssociationOnly()
    {
        var task = OpenTask();
        PlaceBid(task, VerifiedGroup(), bidId: 1);
        Assert.True(BidDisclosure.IsDueToOpen(task, Deadline));

        task.Close(AfterDeadline);

        Assert.True(BidDisclosure.IsOpenToAssociation(task));
        Assert.Equal(AfterDeadline, task.BidsOpenedAt);
        Assert.False(BidDisclosure.IsDueToOpen(task, AfterDeadline));
        Assert.False(BidDisclosure.IsPublic(task));
    }

    [Fact]
    public void AnAwardMakesTheBidsPublicAndWithdrawingItDoesNotSealThemAgain()
    {
        var task = OpenTask();
        var bid = PlaceBid(task, VerifiedGroup(), bidId: 1);
        var contract = task.Award(bid.Id, "近くに拠点があり、毎週同じ担当者が訪問できるため。", AfterDeadline);

        Assert.True(BidDisclosure.IsOpenToAssociation(task));
        Assert.True(BidDisclosure.IsPublic(task));
        Assert.Equal(AfterDeadline, task.BidsRevealedAt);

        task.WithdrawAward(contract, "期限までに署名がありませんでした。", AfterDeadline.AddDays(10));

        Assert.True(BidDisclosure.IsPublic(task));
        Assert.Equal(AfterDeadline, task.BidsRevealedAt);
    }

    [Fact]
    public void ClosingWithNoLiveBidsEndsUnawardedAndPublic()
    {
        var task = OpenTask();

        task.Close(AfterDeadline);

        Assert.Equal(CommunityTaskStatus.Unawarded, task.Status);
        Assert.True(BidDisclosure.IsPublic(task));
    }

    [Fact]
    public void ACancellationBeforeTheDeadlineRevealsNothingEver()
    {
        var task = OpenTask();
        PlaceBid(task, VerifiedGroup(), bidId: 1);

        task.Cancel(BeforeDeadline);

        Assert.Equal(BeforeDeadline, task.CancelledAt);
        Assert.False(BidDisclosure.IsOpenToAssociation(task));
        Assert.False(BidDisclosure.IsDueToOpen(task, AfterDeadline.AddDays(30)));
        Assert.False(BidDisclosure.IsPublic(task));
    }

    [Fact]
    public void ACancellationAfterTheDeadlineOpensAndRevealsTheBidsLikeAnUnawardedTask()
    {
        var task = OpenTask();
        PlaceBid(task, VerifiedGroup(), bidId: 1);

        task.Cancel(AfterDeadline);

        Assert.True(BidDisclosure.IsOpenToAssociation(task));
        Assert.True(BidDisclosure.IsPublic(task));
        Assert.Equal(AfterDeadline, task.BidsRevealedAt);
    }

    [Fact]
    public void ABidWithdrawnBeforeTheOpeningIsNeverNamedInPublicButTheOthersAre()
    {
        var task = OpenTask();
        var kept = PlaceBid(task, VerifiedGroup(id: 1), bidId: 1);
        var withdrawn = PlaceBid(task, VerifiedGroup(id: 2), bidId: 2);
        task.WithdrawBid(2, BeforeDeadline);
        task.Close(AfterDeadline);

        Assert.True(BidDisclosure.IsNamedInPublic(task, kept));
        Assert.False(BidDisclosure.IsNamedInPublic(task, withdrawn));
    }

    [Fact]
    public void ABidWithdrawnAfterTheOpeningWasSeenAndStaysNamed()
    {
        var opened = AfterDeadline;

        Assert.True(BidDisclosure.IsNamedInPublic(Bids.BidStatus.Withdrawn, opened.AddDays(2), opened));
        Assert.False(BidDisclosure.IsNamedInPublic(Bids.BidStatus.Withdrawn, opened.AddTicks(-1), opened));
        Assert.False(BidDisclosure.IsNamedInPublic(Bids.BidStatus.Withdrawn, opened, bidsOpenedAt: null));
        Assert.True(BidDisclosure.IsNamedInPublic(Bids.BidStatus.Rejected, opened.AddTicks(-1), opened));
    }
}
