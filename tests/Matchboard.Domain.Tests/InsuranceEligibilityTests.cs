using Matchboard.Domain.Matching;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

/// <summary>
/// A task requiring insurance takes bids only from a group whose declared insurance covers the task's start date:
/// one rule (BiddingEligibility.InsuredFor), asked by placing a bid, the bid check and the matcher alike.
/// </summary>
public class InsuranceEligibilityTests
{
    private static readonly DateOnly StartDate = Details().StartDate;

    private static Organization InsuredGroup(DateOnly validUntil)
    {
        var group = VerifiedGroup();
        group.DeclareInsurance("あいおい損保", "V-123", validUntil, Now);
        return group;
    }

    private static CommunityTask InsuranceTask() => OpenTask(Details(insuranceRequired: true));

    private static void AssertMayBid(bool expected, Organization group)
    {
        var task = InsuranceTask();
        Assert.Equal(expected ? null : "bid.insurance-required", BiddingEligibility.RefusalCode(group, task, Today));
        Assert.Equal(expected, TaskMatcher.Matches(group, task, Today));
        Assert.Equal(expected ? [task] : [], new[] { task }.AsQueryable().Where(TaskMatcher.TasksFor(group, Today)).ToList());
        if (expected)
        {
            task.CheckBid(group, Terms(), Now);
            task.PlaceBid(group, Terms(), Now);
            Assert.Single(task.Bids);
        }
        else
        {
            AssertFails(() => task.CheckBid(group, Terms(), Now), "bid.insurance-required", DomainErrorKind.RuleViolation);
            AssertFails(() => task.PlaceBid(group, Terms(), Now), "bid.insurance-required", DomainErrorKind.RuleViolation);
            Assert.Empty(task.Bids);
        }
    }

    [Fact]
    public void AGroupWithoutADeclarationMayNotBidOnATaskRequiringInsurance() => AssertMayBid(false, VerifiedGroup());

    [Fact]
    public void ADeclarationEndingOnTheStartDateCoversIt() => AssertMayBid(true, InsuredGroup(StartDate));

    [Fact]
    public void ADeclarationEndingTheDayBeforeTheStartDateDoesNot() => AssertMayBid(false, InsuredGroup(StartDate.AddDays(-1)));

    [Fact]
    public void ADeclarationEndingTheDayAfterTheStartDateCoversIt() => AssertMayBid(true, InsuredGroup(StartDate.AddDays(1)));

    [Fact]
    public void ATaskNotRequiringInsuranceTakesAGroupWithoutOne()
    {
        var task = OpenTask(Details(insuranceRequired: false));
        Assert.Null(BiddingEligibility.RefusalCode(VerifiedGroup(), task, Today));
        Assert.True(TaskMatcher.Matches(VerifiedGroup(), task, Today));
    }

    [Fact]
    public void CertificationIsNamedBeforeInsuranceWhenBothAreMissing()
    {
        var task = OpenTask(Details(certificationRequired: true, insuranceRequired: true));
        Assert.Equal("bid.certification-required", BiddingEligibility.RefusalCode(VerifiedGroup(), task, Today));
        var certified = CertifiedGroup();
        Assert.Equal("bid.insurance-required", BiddingEligibility.RefusalCode(certified, task, Today));
        certified.DeclareInsurance("損保ジャパン", null, StartDate, Now);
        Assert.Null(BiddingEligibility.RefusalCode(certified, task, Today));
        Assert.True(TaskMatcher.Matches(certified, task, Today));
    }

    [Fact]
    public void ADeclarationEndingTodayIsAcceptedAndYesterdayIsRefused()
    {
        InsuredGroup(Today);
        var group = VerifiedGroup();
        AssertFails(() => group.DeclareInsurance("あいおい損保", null, Today.AddDays(-1), Now), "validation", DomainErrorKind.Invalid);
        Assert.Null(group.Insurance);
    }

    [Fact]
    public void ADeclarationNeedsAnInsurerAndALastDay()
    {
        var group = VerifiedGroup();
        var ex = Assert.Throws<DomainException>(() => group.DeclareInsurance(" ", null, null, Now));
        Assert.Contains(ex.Errors, e => e.Field == "insurer" && e.Code == "required");
        Assert.Contains(ex.Errors, e => e.Field == "validUntil" && e.Code == "required");
        Assert.Null(group.Insurance);
    }

    [Fact]
    public void ANewDeclarationReplacesTheEarlierOne()
    {
        var group = InsuredGroup(StartDate.AddDays(-1));
        group.DeclareInsurance(" 損保ジャパン ", " ", StartDate, Now);
        Assert.Equal("損保ジャパン", group.Insurance!.Insurer);
        Assert.Null(group.Insurance.PolicyNumber);
        Assert.Equal(StartDate, group.Insurance.ValidUntil);
    }

    [Fact]
    public void OnlyACivicGroupDeclaresInsurance()
    {
        AssertFails(() => Association(1).DeclareInsurance("あいおい損保", null, StartDate, Now), "organization.not-civic-group", DomainErrorKind.RuleViolation);
    }

    [Theory]
    [InlineData(2, 1, false)]
    [InlineData(2, 2, true)]
    [InlineData(2, 3, true)]
    [InlineData(1, 0, false)]
    public void AGroupIsAtCapacityWhenItsActiveContractsReachItsCapacity(int capacity, int active, bool expected)
    {
        var group = VerifiedGroup();
        group.UpdateService(group.Categories, group.WardsServed, capacity);
        Assert.Equal(expected, group.IsAtCapacity(active));
        // The match score's capacity factor reads the same rule: "full" there is "at capacity" here.
        Assert.Equal(expected, new CapacityFact(active, group.Capacity).IsFull);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void AnAssociationStatesNoCapacityAndIsNeverAtCapacity(int active)
    {
        var association = Association(1);
        Assert.False(association.IsAtCapacity(active));
        Assert.False(new CapacityFact(active, association.Capacity).IsFull);
    }

    [Fact]
    public void ABidAtCapacityIsWarnedAndStillPlaced()
    {
        var group = VerifiedGroup();
        group.UpdateService(group.Categories, group.WardsServed, 2);
        var task = OpenTask();
        var terms = new Matchboard.Domain.Bids.BidTerms(task.FeeYen, "二人一組で訪問します。", 2, task.StartDate);

        Assert.Empty(task.CheckBid(group, terms, Now, activeContracts: 1));
        Assert.Equal([new FieldError("capacity", "at-capacity", 2)], task.CheckBid(group, terms, Now, activeContracts: 2));
        task.PlaceBid(group, terms, Now);
        Assert.Single(task.Bids);
    }
}
