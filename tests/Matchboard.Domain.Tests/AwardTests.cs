using Matchboard.Domain.Bids;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Tasks;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

public class AwardTests
{
    private readonly CommunityTask _task = OpenTask();
    private readonly Bid _chosen;
    private readonly Bid _other;
    private readonly Bid _withdrawn;

    public AwardTests()
    {
        _chosen = PlaceBid(_task, VerifiedGroup(1), bidId: 11, amountYen: 42_000);
        _other = PlaceBid(_task, VerifiedGroup(2), bidId: 12, amountYen: 38_000);
        _withdrawn = PlaceBid(_task, VerifiedGroup(3), bidId: 13, amountYen: 30_000);
        _task.WithdrawBid(3, Now);
    }

    [Fact]
    public void AwardingAnOpenTaskAfterTheDeadlineClosesItAndAwardsTheChosenBid()
    {
        var contract = _task.Award(11, "  経験が豊富で、訪問の記録を毎回残す計画が具体的だったため。  ", AfterDeadline);

        Assert.Equal(CommunityTaskStatus.Awarded, _task.Status);
        Assert.Equal(11, _task.AwardedBidId);
        Assert.Equal("経験が豊富で、訪問の記録を毎回残す計画が具体的だったため。", _task.AwardRationale);
        Assert.Equal(AfterDeadline, _task.AwardedAt);
        Assert.Equal(BidStatus.Accepted, _chosen.Status);
        Assert.Equal(AfterDeadline, _chosen.DecidedAt);
        Assert.Equal(BidStatus.Rejected, _other.Status);
        Assert.Equal(AfterDeadline, _other.DecidedAt);
        Assert.Equal(BidStatus.Withdrawn, _withdrawn.Status);
        Assert.Equal(Now, _withdrawn.UpdatedAt);
        Assert.Null(_withdrawn.DecidedAt);

        Assert.Equal(ContractStatus.PendingSignatures, contract.Status);
        Assert.Equal(11, contract.BidId);
        Assert.Equal(42_000, contract.AmountYen);
        Assert.Equal(AssociationId, contract.AssociationId);
        Assert.Equal(1, contract.ProviderId);
        Assert.Equal(AfterDeadline, contract.CreatedAt);
        Assert.Null(contract.AssociationSignedAt);
        Assert.Null(contract.ProviderSignedAt);
        Assert.Null(contract.ActivatedAt);
    }

    [Fact]
    public void AnAwardRecordsItsDecisionWithoutRewritingWhenTheGroupsLastChangedTheirBids()
    {
        var revisedAt = Now.AddHours(2);
        _task.ReviseBid(2, Terms(amountYen: 37_000), revisedAt);

        _task.Award(11, "  経験が豊富で、訪問の記録を毎回残す計画が具体的だったため。  ", AfterDeadline);

        Assert.Equal(Now, _chosen.UpdatedAt);
        Assert.Equal(revisedAt, _other.UpdatedAt);
        Assert.Equal(AfterDeadline, _chosen.DecidedAt);
        Assert.Equal(AfterDeadline, _other.DecidedAt);
    }

    [Fact]
    public void AwardingAClosedTaskAwardsTheChosenBid()
    {
        _task.Close(Deadline);

        var contract = _task.Award(12, "費用が妥当で、2人1組で訪問する体制が整っているため。", AfterDeadline);

        Assert.Equal(CommunityTaskStatus.Awarded, _task.Status);
        Assert.Equal(BidStatus.Accepted, _other.Status);
        Assert.Equal(BidStatus.Rejected, _chosen.Status);
        Assert.Equal(2, contract.ProviderId);
        Assert.Equal(38_000, contract.AmountYen);
    }

    [Fact]
    public void AwardingExactlyAtTheDeadlineIsAllowed()
    {
        _task.Award(11, "経験が豊富で、訪問の記録を毎回残す計画が具体的だったため。", Deadline);

        Assert.Equal(CommunityTaskStatus.Awarded, _task.Status);
    }

    [Fact]
    public void TheContractCarriesTheRevisedAmount()
    {
        _task.ReviseBid(1, Terms(amountYen: 36_500), Now.AddHours(1));

        var contract = _task.Award(11, "値下げされ、内容も変わらず丁寧な計画のままだったため。", AfterDeadline);

        Assert.Equal(36_500, contract.AmountYen);
        Assert.Equal(BidStatus.Accepted, _chosen.Status);
    }

    [Fact]
    public void AwardingBeforeTheDeadlineThrowsDeadlineNotPassed()
    {
        AssertFails(() => _task.Award(11, "経験が豊富で、訪問の記録を毎回残す計画が具体的だったため。", BeforeDeadline), "task.deadline-not-passed", DomainErrorKind.Conflict);

        Assert.Equal(CommunityTaskStatus.Open, _task.Status);
        Assert.Null(_task.AwardedBidId);
        Assert.True(_chosen.IsLive);
        Assert.True(_other.IsLive);
    }

    [Fact]
    public void AwardingTwiceThrowsAlreadyAwarded()
    {
        _task.Award(11, "経験が豊富で、訪問の記録を毎回残す計画が具体的だったため。", AfterDeadline);

        AssertFails(() => _task.Award(12, "やはりこちらの団体の方が地域での経験が長いため。", AfterDeadline), "task.already-awarded", DomainErrorKind.Conflict);
        Assert.Equal(11, _task.AwardedBidId);
        Assert.Equal(BidStatus.Accepted, _chosen.Status);
        Assert.Equal(BidStatus.Rejected, _other.Status);
    }

    [Fact]
    public void AwardingAWithdrawnBidThrowsBidNotLive()
    {
        AssertFails(() => _task.Award(13, "金額が一番安く、計画も十分に具体的だったため。", AfterDeadline), "bid.not-live", DomainErrorKind.Conflict);

        Assert.Equal(CommunityTaskStatus.Closed, _task.Status);
        Assert.Equal(BidStatus.Withdrawn, _withdrawn.Status);
        Assert.True(_chosen.IsLive);
        Assert.True(_other.IsLive);
    }

    [Fact]
    public void AwardingAnUnknownBidThrowsBidNotLive()
    {
        AssertFails(() => _task.Award(99, "経験が豊富で、訪問の記録を毎回残す計画が具体的だったため。", AfterDeadline), "bid.not-live", DomainErrorKind.Conflict);

        Assert.Null(_task.AwardedBidId);
        Assert.True(_chosen.IsLive);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AwardingWithoutARationaleIsRefused(string rationale)
    {
        AssertInvalid(() => _task.Award(11, rationale, AfterDeadline), ("rationale", "required"));

        Assert.NotEqual(CommunityTaskStatus.Awarded, _task.Status);
        Assert.True(_chosen.IsLive);
    }

    [Theory]
    [InlineData("安い")]
    [InlineData("  経験が長く、計画が具体的で費用も妥当な  ")]
    public void AReasonShorterThanTwentyCharactersIsRefusedAndNothingChanges(string rationale)
    {
        Assert.True(rationale.Trim().Length < CommunityTask.RationaleMinLength);

        AssertInvalid(() => _task.Award(11, rationale, AfterDeadline), ("rationale", "reason-too-short"));

        Assert.Equal(CommunityTaskStatus.Open, _task.Status);
        Assert.Null(_task.AwardRationale);
        Assert.True(_chosen.IsLive);
        Assert.True(_other.IsLive);
    }

    [Fact]
    public void AReasonOfExactlyTwentyCharactersIsEnough()
    {
        var reason = new string('理', CommunityTask.RationaleMinLength - 1) + "𠮷";

        _task.Award(11, reason, AfterDeadline);

        Assert.Equal(reason, _task.AwardRationale);
    }

    [Fact]
    public void AwardingWithATooLongRationaleIsRefused()
    {
        AssertInvalid(
            () => _task.Award(11, new string('理', CommunityTask.RationaleMaxLength + 1), AfterDeadline),
            ("rationale", "too-long"));
    }

    [Theory]
    [InlineData(CommunityTaskStatus.Draft)]
    [InlineData(CommunityTaskStatus.Cancelled)]
    [InlineData(CommunityTaskStatus.Unawarded)]
    public void AwardingATaskThatIsNotClosedThrowsNotClosed(CommunityTaskStatus status)
    {
        var task = TaskIn(status);

        AssertFails(() => task.Award(11, "経験が豊富で、訪問の記録を毎回残す計画が具体的だったため。", AfterDeadline), "task.not-closed", DomainErrorKind.Conflict);
        Assert.Equal(status, task.Status);
        Assert.Null(task.AwardedBidId);
    }

    [Fact]
    public void AwardingOnACancelledTaskLeavesItsBidsRejected()
    {
        _task.Cancel(Now);

        AssertFails(() => _task.Award(11, "経験が豊富で、訪問の記録を毎回残す計画が具体的だったため。", AfterDeadline), "task.not-closed", DomainErrorKind.Conflict);
        Assert.Equal(BidStatus.Rejected, _chosen.Status);
    }

    [Fact]
    public void AwardingAnOpenTaskWithNoLiveBidsAfterTheDeadlineEndsItUnawarded()
    {
        var task = OpenTask();

        AssertFails(() => task.Award(11, "経験が豊富で、訪問の記録を毎回残す計画が具体的だったため。", AfterDeadline), "task.not-closed", DomainErrorKind.Conflict);
        Assert.Equal(CommunityTaskStatus.Unawarded, task.Status);
    }
}
