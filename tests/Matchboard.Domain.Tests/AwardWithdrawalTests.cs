using Matchboard.Domain.Bids;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Tasks;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

/// <summary>An award the winner did not sign in time can be withdrawn, and the next live bid can win.</summary>
public class AwardWithdrawalTests
{
    private readonly CommunityTask _task = OpenTask();
    private readonly Contract _contract;

    public AwardWithdrawalTests()
    {
        PlaceBid(_task, VerifiedGroup(1), bidId: 11);
        PlaceBid(_task, VerifiedGroup(2), bidId: 12);
        PlaceBid(_task, VerifiedGroup(3), bidId: 13);
        _task.WithdrawBid(3, Now.AddHours(1));
        _contract = _task.Award(11, "最も丁寧な提案で、訪問の記録の残し方も具体的だったため。", AfterDeadline);
    }

    private DateTimeOffset PastSignBy => _contract.SignBy;

    [Fact]
    public void AfterTheDeadlineTheAwardIsWithdrawnAndTheTaskIsClosedAgain()
    {
        Assert.True(_contract.CanWithdrawAward(PastSignBy));

        _task.WithdrawAward(_contract, "期限までに署名がありませんでした。", PastSignBy);

        Assert.Equal(ContractStatus.AwardWithdrawn, _contract.Status);
        Assert.Equal(PastSignBy, _contract.AwardWithdrawnAt);
        Assert.Equal("期限までに署名がありませんでした。", _contract.AwardWithdrawalReason);
        Assert.Equal(CommunityTaskStatus.Closed, _task.Status);
        Assert.Null(_task.AwardedBidId);
        Assert.Equal(BidStatus.AwardWithdrawn, _task.Bids.Single(b => b.Id == 11).Status);
        Assert.True(_task.Bids.Single(b => b.Id == 12).IsLive);
        Assert.Equal(BidStatus.Withdrawn, _task.Bids.Single(b => b.Id == 13).Status);
    }

    [Fact]
    public void AWithdrawnAwardIsRecordedAsADecisionAndTheGroupsOwnChangesStayAsTheyWere()
    {
        _task.WithdrawAward(_contract, "期限までに署名がありませんでした。", PastSignBy);

        var winner = _task.Bids.Single(b => b.Id == 11);
        var reinstated = _task.Bids.Single(b => b.Id == 12);
        Assert.Equal(PastSignBy, winner.DecidedAt);
        Assert.Equal(Now, winner.UpdatedAt);
        Assert.Null(reinstated.DecidedAt);
        Assert.Equal(Now, reinstated.UpdatedAt);
    }

    [Fact]
    public void TheNextBidCanWinButTheWithdrawnWinnerCannot()
    {
        _task.WithdrawAward(_contract, "署名がありませんでした。", PastSignBy);

        AssertFails(() => _task.Award(11, "もう一度、同じ団体に決めたいと考えたため決定しました。", PastSignBy), "bid.not-live", DomainErrorKind.Conflict);
        var next = _task.Award(12, "次に良い提案で、同じ区域での見守りの経験もあるため。", PastSignBy);

        Assert.Equal(2, next.ProviderId);
        Assert.Equal(CommunityTaskStatus.Awarded, _task.Status);
    }

    [Fact]
    public void BeforeTheDeadlineTheAwardStands()
    {
        Assert.False(_contract.CanWithdrawAward(PastSignBy.AddSeconds(-1)));

        AssertFails(() => _task.WithdrawAward(_contract, "理由", PastSignBy.AddSeconds(-1)), "contract.sign-by-not-passed", DomainErrorKind.Conflict);
        Assert.Equal(ContractStatus.PendingSignatures, _contract.Status);
        Assert.Equal(CommunityTaskStatus.Awarded, _task.Status);
        Assert.Equal(BidStatus.Rejected, _task.Bids.Single(b => b.Id == 12).Status);
    }

    [Fact]
    public void AWinnerWhoSignedKeepsTheAward()
    {
        _contract.SetContact(1, Contact());
        _contract.Sign(1, AfterDeadline.AddHours(1));

        AssertFails(() => _task.WithdrawAward(_contract, "理由", PastSignBy), "contract.provider-signed", DomainErrorKind.Conflict);
        Assert.Equal(CommunityTaskStatus.Awarded, _task.Status);
    }

    [Fact]
    public void AWithdrawalNeedsAReason()
    {
        AssertInvalid(() => _task.WithdrawAward(_contract, "", PastSignBy), ("reason", "required"));
        Assert.Equal(CommunityTaskStatus.Awarded, _task.Status);
        Assert.Equal(ContractStatus.PendingSignatures, _contract.Status);
    }
}
