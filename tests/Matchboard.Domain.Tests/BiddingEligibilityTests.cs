using Matchboard.Domain.Matching;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

/// <summary>Placing a bid, matching tasks to groups and the bid form all ask the same question.</summary>
public class BiddingEligibilityTests
{
    public static TheoryData<string, bool> GroupsAndRequirements()
    {
        var data = new TheoryData<string, bool>();
        foreach (var group in Groups.Keys)
        {
            data.Add(group, true);
            data.Add(group, false);
        }

        return data;
    }

    private static readonly Dictionary<string, Func<Organization>> Groups = new()
    {
        ["association"] = () => Association(1),
        ["unverified"] = () => UnverifiedGroup(),
        ["verified"] = () => VerifiedGroup(),
        ["certified"] = () => CertifiedGroup(),
        ["expired"] = () => CertifiedGroup(issued: Today.AddYears(-2), expires: Today.AddDays(-1)),
        ["not-yet-issued"] = () => CertifiedGroup(issued: Today.AddDays(1), expires: Today.AddYears(1)),
    };

    [Theory]
    [InlineData("association", false, "bid.not-civic-group")]
    [InlineData("unverified", true, "bid.group-unverified")]
    [InlineData("verified", true, "bid.certification-required")]
    [InlineData("expired", true, "bid.certification-required")]
    [InlineData("not-yet-issued", true, "bid.certification-required")]
    [InlineData("verified", false, null)]
    [InlineData("certified", true, null)]
    public void TheRefusalNamesTheFirstReason(string group, bool certificationRequired, string? expected)
    {
        Assert.Equal(expected, BiddingEligibility.RefusalCode(Groups[group](), certificationRequired, false, Today, Today));
    }

    [Theory]
    [MemberData(nameof(GroupsAndRequirements))]
    public void ATaskMatchesAGroupExactlyWhenTheGroupMayBidOnIt(string groupName, bool certificationRequired)
    {
        var group = Groups[groupName]();
        var task = OpenTask(Details(certificationRequired: certificationRequired));
        var refusal = BiddingEligibility.RefusalCode(group, certificationRequired, false, Today, Today);

        Assert.Equal(refusal is null, TaskMatcher.Matches(group, task, Today));
        if (refusal is null)
        {
            task.PlaceBid(group, Terms(), Now);
        }
        else
        {
            AssertFails(() => task.PlaceBid(group, Terms(), Now), refusal, DomainErrorKind.RuleViolation);
        }
    }
}
