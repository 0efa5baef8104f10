using Matchboard.Domain.Contracts;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

/// <summary>Each side reviews the other once after the end; reviews are double-blind for 14 days.</summary>
public class ReviewTests
{
    private const int ProviderId = 1;
    private static readonly DateTimeOffset Signed = AfterDeadline.AddDays(1);
    private static readonly DateTimeOffset Ended = Signed.AddDays(60);
    private readonly Contract _contract = ActiveContract(Signed);

    private Contract Completed()
    {
        _contract.Deliver(ProviderId, "完了", 12, 12, Ended.AddDays(-1));
        _contract.Accept(AssociationId, Ended);
        return _contract;
    }

    [Fact]
    public void NoReviewBeforeTheContractEnds()
    {
        AssertFails(() => _contract.AddReview(AssociationId, 5, "丁寧でした。", Signed), "review.contract-not-ended", DomainErrorKind.Conflict);
        Assert.Empty(_contract.Reviews);
    }

    [Fact]
    public void EachSideReviewsTheOtherOnce()
    {
        var contract = Completed();

        var review = contract.AddReview(AssociationId, 5, "丁寧でした。", Ended);

        Assert.Equal(ProviderId, review.RevieweeId);
        AssertFails(() => contract.AddReview(AssociationId, 1, "やはり", Ended), "review.already-submitted", DomainErrorKind.Conflict);
        AssertFails(() => contract.AddReview(2, 1, "部外者", Ended), "contract.not-a-party", DomainErrorKind.RuleViolation);
        Assert.Single(contract.Reviews);
    }

    [Fact]
    public void ATerminatedContractCanBeReviewed()
    {
        _contract.Terminate(ProviderId, "続けられなくなりました。", Ended);

        Assert.Equal(AssociationId, _contract.AddReview(ProviderId, 3, "連絡は早かったです。", Ended).RevieweeId);
    }

    [Fact]
    public void RatingAndCommentAreChecked()
    {
        var contract = Completed();

        AssertInvalid(() => contract.AddReview(AssociationId, 6, new string('x', 100_000), Ended), ("rating", "out-of-range"), ("comment", "too-long"));
        AssertInvalid(() => contract.AddReview(AssociationId, 0, "", Ended), ("rating", "out-of-range"), ("comment", "required"));
        Assert.Empty(contract.Reviews);
    }

    [Fact]
    public void OneReviewStaysSealedFromTheOtherSideAndThePublic()
    {
        var contract = Completed();
        contract.AddReview(AssociationId, 4, "丁寧でした。", Ended);

        Assert.False(contract.ReviewsReleased(Ended.AddDays(1)));
        Assert.Single(contract.ReviewsVisibleTo(AssociationId, Ended.AddDays(1)));
        Assert.Empty(contract.ReviewsVisibleTo(ProviderId, Ended.AddDays(1)));
        Assert.Empty(contract.ReviewsVisibleTo(null, Ended.AddDays(1)));
    }

    [Fact]
    public void BothReviewsReleaseBoth()
    {
        var contract = Completed();
        contract.AddReview(AssociationId, 4, "丁寧でした。", Ended);
        contract.AddReview(ProviderId, 5, "協力的でした。", Ended.AddDays(1));

        Assert.True(contract.ReviewsReleased(Ended.AddDays(1)));
        Assert.Equal(2, contract.ReviewsVisibleTo(null, Ended.AddDays(1)).Count());
    }

    [Fact]
    public void FourteenDaysAfterTheEndASingleReviewIsReleased()
    {
        var contract = Completed();
        contract.AddReview(AssociationId, 4, "丁寧でした。", Ended);

        Assert.False(contract.ReviewsReleased(Ended.AddDays(14).AddSeconds(-1)));
        Assert.True(contract.ReviewsReleased(Ended.AddDays(14)));
        Assert.Single(contract.ReviewsVisibleTo(ProviderId, Ended.AddDays(14)));
    }

    [Fact]
    public void TheReviewedSideRepliesOnceAfterRelease()
    {
        var contract = Completed();
        var review = TestData.SetId(contract.AddReview(AssociationId, 2, "遅刻がありました。", Ended), 7);

        AssertFails(() => contract.Reply(ProviderId, 7, "申し訳ありません。", Ended), "review.not-released", DomainErrorKind.Conflict);
        AssertFails(() => contract.Reply(AssociationId, 7, "自分の評価", Ended.AddDays(14)), "review.not-found", DomainErrorKind.Conflict);
        contract.Reply(ProviderId, 7, "申し訳ありません。改善します。", Ended.AddDays(14));

        Assert.Equal("申し訳ありません。改善します。", review.Reply);
        AssertFails(() => contract.Reply(ProviderId, 7, "もう一度", Ended.AddDays(15)), "review.already-replied", DomainErrorKind.Conflict);
    }
}
