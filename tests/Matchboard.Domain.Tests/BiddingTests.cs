using Matchboard.Domain.Bids;
using Matchboard.Domain.Tasks;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

public class BiddingTests
{
    [Fact]
    public void AVerifiedGroupBiddingOnAnOpenTaskSubmitsABid()
    {
        var task = OpenTask();
        var group = VerifiedGroup(7);
        var terms = new BidTerms(45_000, "  二人一組で訪問します。  ", 2, new DateOnly(2026, 12, 11));

        var bid = task.PlaceBid(group, terms, Now);

        Assert.Equal(BidStatus.Submitted, bid.Status);
        Assert.True(bid.IsLive);
        Assert.Equal(7, bid.GroupId);
        Assert.Equal(45_000, bid.AmountYen);
        Assert.Equal("二人一組で訪問します。", bid.Proposal);
        Assert.Equal(2, bid.StaffPlanned);
        Assert.Equal(new DateOnly(2026, 12, 11), bid.EarliestStart);
        Assert.Equal(Now, bid.SubmittedAt);
        Assert.Equal(Now, bid.UpdatedAt);
        Assert.Same(bid, Assert.Single(task.Bids));
        Assert.Same(bid, task.LiveBidOf(7));
    }

    [Fact]
    public void BiddingJustBeforeTheDeadlineIsAccepted()
    {
        var task = OpenTask();

        var bid = task.PlaceBid(VerifiedGroup(), Terms(), BeforeDeadline);

        Assert.Equal(BidStatus.Submitted, bid.Status);
    }

    [Fact]
    public void BiddingAtTheDeadlineIsRefused()
    {
        var task = OpenTask();

        AssertFails(() => task.PlaceBid(VerifiedGroup(), Terms(), Deadline), "task.not-accepting-bids", DomainErrorKind.Conflict);
        Assert.Empty(task.Bids);
    }

    [Fact]
    public void BiddingAfterTheDeadlineIsRefused()
    {
        var task = OpenTask();

        AssertFails(() => task.PlaceBid(VerifiedGroup(), Terms(), AfterDeadline), "task.not-accepting-bids", DomainErrorKind.Conflict);
        Assert.Empty(task.Bids);
    }

    [Theory]
    [InlineData(CommunityTaskStatus.Draft)]
    [InlineData(CommunityTaskStatus.Closed)]
    [InlineData(CommunityTaskStatus.Awarded)]
    [InlineData(CommunityTaskStatus.Cancelled)]
    [InlineData(CommunityTaskStatus.Unawarded)]
    public void BiddingOnATaskThatIsNotOpenIsRefused(CommunityTaskStatus status)
    {
        var task = TaskIn(status);
        var bidsBefore = task.Bids.Count;

        AssertFails(() => task.PlaceBid(VerifiedGroup(2), Terms(), Now), "task.not-accepting-bids", DomainErrorKind.Conflict);
        Assert.Equal(bidsBefore, task.Bids.Count);
    }

    [Fact]
    public void AnAssociationCannotBid()
    {
        var task = OpenTask();

        AssertFails(() => task.PlaceBid(Association(200), Terms(), Now), "bid.not-civic-group", DomainErrorKind.RuleViolation);
        Assert.Empty(task.Bids);
    }

    [Fact]
    public void AnUnverifiedGroupCannotBid()
    {
        var task = OpenTask();

        AssertFails(() => task.PlaceBid(UnverifiedGroup(), Terms(), Now), "bid.group-unverified", DomainErrorKind.RuleViolation);
        Assert.Empty(task.Bids);
    }

    [Fact]
    public void AGroupWithoutCertificationCannotBidWhenCertificationIsRequired()
    {
        var task = OpenTask(Details(certificationRequired: true));

        AssertFails(() => task.PlaceBid(VerifiedGroup(), Terms(), Now), "bid.certification-required", DomainErrorKind.RuleViolation);
        Assert.Empty(task.Bids);
    }

    [Fact]
    public void AGroupWithAnExpiredCertificationCannotBidWhenCertificationIsRequired()
    {
        var task = OpenTask(Details(certificationRequired: true));
        var group = CertifiedGroup(issued: Today.AddYears(-2), expires: Today.AddDays(-1));

        AssertFails(() => task.PlaceBid(group, Terms(), Now), "bid.certification-required", DomainErrorKind.RuleViolation);
    }

    [Fact]
    public void AGroupWhoseCertificationIsNotYetIssuedCannotBidWhenCertificationIsRequired()
    {
        var task = OpenTask(Details(certificationRequired: true));
        var group = CertifiedGroup(issued: Today.AddDays(1), expires: Today.AddYears(1));

        AssertFails(() => task.PlaceBid(group, Terms(), Now), "bid.certification-required", DomainErrorKind.RuleViolation);
    }

    [Fact]
    public void ACertificationIsJudgedOnTheDayInJapan()
    {
        // 2026-12-03 15:30 UTC is 2026-12-04 in Japan: a certification that expired on the 3rd no longer counts.
        var task = OpenTask(Details(certificationRequired: true));
        var group = CertifiedGroup(issued: new DateOnly(2025, 12, 1), expires: new DateOnly(2026, 12, 3));
        var instant = new DateTimeOffset(2026, 12, 3, 15, 30, 0, TimeSpan.Zero);

        AssertFails(() => task.PlaceBid(group, Terms(), instant), "bid.certification-required", DomainErrorKind.RuleViolation);
    }

    [Theory]
    [InlineData(0, 365)]
    [InlineData(-365, 9)] // through the task's start date (2026-12-10), the other day the mark must cover
    public void AGroupCertifiedOnTheDayMayBidWhenCertificationIsRequired(int issuedOffsetDays, int expiresOffsetDays)
    {
        var task = OpenTask(Details(certificationRequired: true));
        var group = CertifiedGroup(issued: Today.AddDays(issuedOffsetDays), expires: Today.AddDays(expiresOffsetDays));

        var bid = task.PlaceBid(group, Terms(), Now);

        Assert.Equal(BidStatus.Submitted, bid.Status);
    }

    [Fact]
    public void AGroupWithoutCertificationMayBidWhenCertificationIsNotRequired()
    {
        var task = OpenTask(Details(certificationRequired: false));
        var group = VerifiedGroup();

        task.PlaceBid(group, Terms(), Now);

        Assert.NotNull(task.LiveBidOf(group.Id));
    }

    [Fact]
    public void ASecondLiveBidBySameGroupIsRefused()
    {
        var task = OpenTask();
        var group = VerifiedGroup();
        PlaceBid(task, group, bidId: 11);

        AssertFails(() => task.PlaceBid(group, Terms(amountYen: 30_000), Now), "bid.already-placed", DomainErrorKind.Conflict);
        Assert.Equal(40_000, Assert.Single(task.Bids).AmountYen);
    }

    [Fact]
    public void DifferentGroupsMayEachBid()
    {
        var task = OpenTask();

        PlaceBid(task, VerifiedGroup(1), bidId: 11);
        PlaceBid(task, VerifiedGroup(2), bidId: 12);

        Assert.Equal(2, task.Bids.Count);
        Assert.Equal(11, task.LiveBidOf(1)!.Id);
        Assert.Equal(12, task.LiveBidOf(2)!.Id);
    }

    [Fact]
    public void AfterWithdrawingTheGroupMayBidAgain()
    {
        var task = OpenTask();
        var group = VerifiedGroup();
        var first = PlaceBid(task, group, bidId: 11);
        task.WithdrawBid(group.Id, Now);

        var second = task.PlaceBid(group, Terms(amountYen: 35_000), Now.AddHours(1));

        Assert.Equal(2, task.Bids.Count);
        Assert.Equal(BidStatus.Withdrawn, first.Status);
        Assert.Equal(BidStatus.Submitted, second.Status);
        Assert.Same(second, task.LiveBidOf(group.Id));
    }

    [Theory]
    [InlineData(-1L, 20, 2, "amountYen", "negative")]
    [InlineData(100_000_001L, 20, 2, "amountYen", "too-large")]
    [InlineData(40_000L, 0, 2, "proposal", "required")]
    [InlineData(40_000L, 2001, 2, "proposal", "too-long")]
    [InlineData(40_000L, 20, 0, "staffPlanned", "at-least-one")]
    [InlineData(40_000L, 20, -3, "staffPlanned", "at-least-one")]
    public void BiddingWithInvalidTermsIsRefusedWithTheFieldInError(
        long amountYen, int proposalLength, int staffPlanned, string field, string code)
    {
        var task = OpenTask();
        var terms = Terms(amountYen, new string('案', proposalLength), staffPlanned);

        AssertInvalid(() => task.PlaceBid(VerifiedGroup(), terms, Now), (field, code));
        Assert.Empty(task.Bids);
    }

    [Fact]
    public void AWhitespaceProposalIsRequired()
    {
        var task = OpenTask();

        AssertInvalid(() => task.PlaceBid(VerifiedGroup(), Terms(proposal: "   "), Now), ("proposal", "required"));
    }

    [Fact]
    public void BoundaryTermsAreAccepted()
    {
        var task = OpenTask();
        var terms = Terms(1, new string('案', BidTerms.ProposalMaxLength), 1);

        var bid = task.PlaceBid(VerifiedGroup(), terms, Now);

        Assert.Equal(1, bid.AmountYen);
        Assert.Equal(1, bid.StaffPlanned);
    }

    [Fact]
    public void EveryWrongTermIsReportedAtOnce()
    {
        Assert.Equal(
            [new FieldError("amountYen", "negative"), new FieldError("proposal", "required"), new FieldError("staffPlanned", "at-least-one")],
            Terms(-1, "", 0).Validate(OpenTask(), Now));
    }

    [Fact]
    public void RevisingALiveBidChangesItsTermsAndMarksItRevised()
    {
        var task = OpenTask();
        var group = VerifiedGroup();
        var bid = PlaceBid(task, group, bidId: 11);
        var revisedAt = Now.AddDays(1);

        var revised = task.ReviseBid(group.Id, new BidTerms(38_000, "三人で訪問します。", 3, new DateOnly(2026, 12, 12)), revisedAt);

        Assert.Same(bid, revised);
        Assert.Equal(BidStatus.Revised, bid.Status);
        Assert.True(bid.IsLive);
        Assert.Equal(38_000, bid.AmountYen);
        Assert.Equal("三人で訪問します。", bid.Proposal);
        Assert.Equal(3, bid.StaffPlanned);
        Assert.Equal(new DateOnly(2026, 12, 12), bid.EarliestStart);
        Assert.Equal(Now, bid.SubmittedAt);
        Assert.Equal(revisedAt, bid.UpdatedAt);
    }

    [Fact]
    public void ABidMayBeRevisedMoreThanOnce()
    {
        var task = OpenTask();
        var group = VerifiedGroup();
        var bid = PlaceBid(task, group, bidId: 11);

        task.ReviseBid(group.Id, Terms(amountYen: 39_000), Now.AddHours(1));
        task.ReviseBid(group.Id, Terms(amountYen: 37_000), Now.AddHours(2));

        Assert.Equal(BidStatus.Revised, bid.Status);
        Assert.Equal(37_000, bid.AmountYen);
    }

    [Fact]
    public void RevisingAfterTheDeadlineIsRefused()
    {
        var task = OpenTask();
        var group = VerifiedGroup();
        var bid = PlaceBid(task, group, bidId: 11);

        AssertFails(() => task.ReviseBid(group.Id, Terms(amountYen: 1), Deadline), "task.not-accepting-bids", DomainErrorKind.Conflict);
        Assert.Equal(BidStatus.Submitted, bid.Status);
        Assert.Equal(40_000, bid.AmountYen);
    }

    [Fact]
    public void RevisingWithoutALiveBidThrowsBidNotFound()
    {
        var task = OpenTask();
        PlaceBid(task, VerifiedGroup(1), bidId: 11);

        AssertFails(() => task.ReviseBid(2, Terms(), Now), "bid.not-found", DomainErrorKind.Conflict);
    }

    [Fact]
    public void RevisingAWithdrawnBidThrowsBidNotFound()
    {
        var task = OpenTask();
        var group = VerifiedGroup();
        var bid = PlaceBid(task, group, bidId: 11);
        task.WithdrawBid(group.Id, Now);

        AssertFails(() => task.ReviseBid(group.Id, Terms(amountYen: 1), Now), "bid.not-found", DomainErrorKind.Conflict);
        Assert.Equal(BidStatus.Withdrawn, bid.Status);
        Assert.Equal(40_000, bid.AmountYen);
    }

    [Fact]
    public void RevisingWithInvalidTermsLeavesTheBidUnchanged()
    {
        var task = OpenTask();
        var group = VerifiedGroup();
        var bid = PlaceBid(task, group, bidId: 11);

        AssertInvalid(() => task.ReviseBid(group.Id, Terms(amountYen: -1), Now), ("amountYen", "negative"));
        Assert.Equal(BidStatus.Submitted, bid.Status);
        Assert.Equal(40_000, bid.AmountYen);
    }

    [Fact]
    public void WithdrawingALiveBidMarksItWithdrawnAndNotLive()
    {
        var task = OpenTask();
        var group = VerifiedGroup();
        var bid = PlaceBid(task, group, bidId: 11);
        var withdrawnAt = Now.AddHours(3);

        var withdrawn = task.WithdrawBid(group.Id, withdrawnAt);

        Assert.Same(bid, withdrawn);
        Assert.Equal(BidStatus.Withdrawn, bid.Status);
        Assert.False(bid.IsLive);
        Assert.Equal(withdrawnAt, bid.UpdatedAt);
        Assert.Null(task.LiveBidOf(group.Id));
        Assert.Single(task.Bids);
    }

    [Fact]
    public void WithdrawingARevisedBidMarksItWithdrawn()
    {
        var task = OpenTask();
        var group = VerifiedGroup();
        var bid = PlaceBid(task, group, bidId: 11);
        task.ReviseBid(group.Id, Terms(amountYen: 30_000), Now);

        task.WithdrawBid(group.Id, Now);

        Assert.Equal(BidStatus.Withdrawn, bid.Status);
    }

    [Fact]
    public void WithdrawingTwiceThrowsBidNotFound()
    {
        var task = OpenTask();
        var group = VerifiedGroup();
        PlaceBid(task, group, bidId: 11);
        task.WithdrawBid(group.Id, Now);

        AssertFails(() => task.WithdrawBid(group.Id, Now), "bid.not-found", DomainErrorKind.Conflict);
    }

    [Fact]
    public void WithdrawingAfterTheDeadlineIsRefused()
    {
        var task = OpenTask();
        var group = VerifiedGroup();
        var bid = PlaceBid(task, group, bidId: 11);

        AssertFails(() => task.WithdrawBid(group.Id, AfterDeadline), "task.not-accepting-bids", DomainErrorKind.Conflict);
        Assert.True(bid.IsLive);
    }
}
