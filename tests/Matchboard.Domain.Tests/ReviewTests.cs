using Matchboard.Domain.Contracts;
using Microsoft.Extensions.Time.Testing;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

/// <summary>
/// Each side reviews the other once after the end; reviews are double-blind for 14 days. Time passes on a fake
/// clock: the contract is signed when it starts, and <see cref="Completed"/> delivers and accepts two months later.
/// </summary>
public class ReviewTests
{
    private const int ProviderId = 1;
    private static readonly TimeSpan FourteenDays = TimeSpan.FromDays(14);
    private readonly FakeTimeProvider _clock = new(AfterDeadline.AddDays(1));
    private readonly Contract _contract;

    public ReviewTests() => _contract = ActiveContract(Now);

    private DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>Delivered on day 59, accepted on day 60: the contract ends now.</summary>
    private Contract Completed()
    {
        _clock.Advance(TimeSpan.FromDays(59));
        _contract.Deliver(ProviderId, "完了", 12, 12, Now);
        _clock.Advance(TimeSpan.FromDays(1));
        _contract.Accept(AssociationId, Now);
        Assert.Equal(Now, _contract.EndedAt);
        return _contract;
    }

    [Fact]
    public void NoReviewBeforeTheContractEnds()
    {
        _clock.Advance(TimeSpan.FromDays(30));

        AssertFails(() => _contract.AddReview(AssociationId, 5, "丁寧でした。", Now), "review.contract-not-ended", DomainErrorKind.Conflict);
        Assert.Empty(_contract.Reviews);
    }

    [Fact]
    public void EachSideReviewsTheOtherOnce()
    {
        var contract = Completed();

        var review = contract.AddReview(AssociationId, 5, "丁寧でした。", Now);
        _clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(ProviderId, review.RevieweeId);
        AssertFails(() => contract.AddReview(AssociationId, 1, "やはり", Now), "review.already-submitted", DomainErrorKind.Conflict);
        AssertFails(() => contract.AddReview(2, 1, "部外者", Now), "contract.not-a-party", DomainErrorKind.RuleViolation);
        Assert.Single(contract.Reviews);
    }

    [Fact]
    public void ATerminatedContractCanBeReviewed()
    {
        _clock.Advance(TimeSpan.FromDays(60));
        _contract.Terminate(ProviderId, "続けられなくなりました。", Now);

        Assert.Equal(AssociationId, _contract.AddReview(ProviderId, 3, "連絡は早かったです。", Now).RevieweeId);
    }

    [Fact]
    public void RatingAndCommentAreChecked()
    {
        var contract = Completed();

        AssertInvalid(() => contract.AddReview(AssociationId, 6, new string('x', 100_000), Now), ("rating", "out-of-range"), ("comment", "too-long"));
        AssertInvalid(() => contract.AddReview(AssociationId, 0, "", Now), ("rating", "out-of-range"), ("comment", "required"));
        Assert.Empty(contract.Reviews);
    }

    [Fact]
    public void OneReviewStaysSealedFromTheOtherSideAndThePublic()
    {
        var contract = Completed();
        contract.AddReview(AssociationId, 4, "丁寧でした。", Now);

        _clock.Advance(TimeSpan.FromDays(1));

        Assert.False(contract.ReviewsReleased(Now));
        Assert.Single(contract.ReviewsVisibleTo(AssociationId, Now));
        Assert.Empty(contract.ReviewsVisibleTo(ProviderId, Now));
        Assert.Empty(contract.ReviewsVisibleTo(null, Now));
    }

    [Fact]
    public void BothReviewsReleaseBoth()
    {
        var contract = Completed();
        contract.AddReview(AssociationId, 4, "丁寧でした。", Now);
        _clock.Advance(TimeSpan.FromDays(1));

        contract.AddReview(ProviderId, 5, "協力的でした。", Now);

        Assert.True(contract.ReviewsReleased(Now));
        Assert.Equal(2, contract.ReviewsVisibleTo(null, Now).Count());
    }

    [Fact]
    public void FourteenDaysAfterTheEndASingleReviewIsReleased()
    {
        var contract = Completed();
        var ended = Now;
        contract.AddReview(AssociationId, 4, "丁寧でした。", Now);

        // Sealed to the last instant of the fourteenth day after the end: reviewing late does not move it.
        _clock.Advance(FourteenDays - TimeSpan.FromTicks(1));
        Assert.False(contract.ReviewsReleased(Now));
        Assert.Empty(contract.ReviewsVisibleTo(ProviderId, Now));
        Assert.Empty(contract.ReviewsVisibleTo(null, Now));

        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(ended + FourteenDays, Now);
        Assert.True(contract.ReviewsReleased(Now));
        Assert.Single(contract.ReviewsVisibleTo(ProviderId, Now));
        Assert.Single(contract.ReviewsVisibleTo(null, Now));
    }

    [Fact]
    public void TheSealIsCountedFromTheEndNotFromTheReview()
    {
        var contract = Completed();
        var ended = Now;

        _clock.Advance(TimeSpan.FromDays(10));
        contract.AddReview(ProviderId, 3, "連絡が遅れることがありました。", Now);

        _clock.Advance(ended + FourteenDays - Now - TimeSpan.FromTicks(1));
        Assert.Empty(contract.ReviewsVisibleTo(AssociationId, Now));
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.Single(contract.ReviewsVisibleTo(AssociationId, Now));
    }

    [Fact]
    public void TheReviewedSideRepliesOnceAfterRelease()
    {
        var contract = Completed();
        var review = TestData.SetId(contract.AddReview(AssociationId, 2, "遅刻がありました。", Now), 7);

        AssertFails(() => contract.Reply(ProviderId, 7, "申し訳ありません。", Now), "review.not-released", DomainErrorKind.Conflict);
        _clock.Advance(FourteenDays);
        AssertFails(() => contract.Reply(AssociationId, 7, "自分の評価", Now), "review.not-found", DomainErrorKind.Conflict);
        contract.Reply(ProviderId, 7, "申し訳ありません。改善します。", Now);

        Assert.Equal("申し訳ありません。改善します。", review.Reply);
        _clock.Advance(TimeSpan.FromDays(1));
        AssertFails(() => contract.Reply(ProviderId, 7, "もう一度、同じ団体に決めたいと考えたため決定しました。", Now), "review.already-replied", DomainErrorKind.Conflict);
        Assert.Equal("申し訳ありません。改善します。", review.Reply);
    }
}
