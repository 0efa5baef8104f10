using Matchboard.Domain.Matching;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

public class TaskMatcherTests
{
    /// <summary>Checks the in-memory rule and the query expression agree on the expected answer.</summary>
    private static void AssertMatch(bool expected, Organization group, CommunityTask task, DateOnly? today = null)
    {
        var day = today ?? Today;
        Assert.Equal(expected, TaskMatcher.Matches(group, task, day));
        var found = new[] { task }.AsQueryable().Where(TaskMatcher.TasksFor(group, day)).ToList();
        Assert.Equal(expected ? [task] : [], found);
    }

    // The default group does watch-over and cleanup in Nakahara and Takatsu.
    private static CommunityTask Task(
        string category = Categories.WatchOver,
        string ward = Wards.Nakahara,
        bool certificationRequired = false)
        => DraftTask(Details(category, ward, certificationRequired));

    [Fact]
    public void AVerifiedGroupMatchesATaskInItsCategoryAndWard()
    {
        AssertMatch(true, VerifiedGroup(), Task());
        AssertMatch(true, VerifiedGroup(), Task(Categories.Cleanup, Wards.Takatsu));
    }

    [Fact]
    public void ATaskInAnotherCategoryDoesNotMatch()
    {
        AssertMatch(false, VerifiedGroup(), Task(category: Categories.EventSupport));
    }

    [Fact]
    public void ATaskInAnotherWardDoesNotMatch()
    {
        AssertMatch(false, VerifiedGroup(), Task(ward: Wards.Asao));
    }

    [Fact]
    public void AnUnverifiedGroupMatchesNothing()
    {
        AssertMatch(false, UnverifiedGroup(), Task());
    }

    [Fact]
    public void AnAssociationMatchesNothing()
    {
        AssertMatch(false, Association(), Task());
    }

    [Fact]
    public void AnUncertifiedGroupDoesNotMatchATaskRequiringCertification()
    {
        AssertMatch(false, VerifiedGroup(), Task(certificationRequired: true));
    }

    [Fact]
    public void AGroupWithAnExpiredCertificationDoesNotMatchATaskRequiringCertification()
    {
        var group = CertifiedGroup(issued: Today.AddYears(-1), expires: Today.AddDays(-1));

        AssertMatch(false, group, Task(certificationRequired: true));
    }

    [Fact]
    public void AGroupWithANotYetIssuedCertificationDoesNotMatchATaskRequiringCertification()
    {
        var group = CertifiedGroup(issued: Today.AddDays(1), expires: Today.AddYears(1));

        AssertMatch(false, group, Task(certificationRequired: true));
    }

    [Fact]
    public void ACertifiedGroupMatchesATaskRequiringCertification()
    {
        AssertMatch(true, CertifiedGroup(), Task(certificationRequired: true));
    }

    [Fact]
    public void ACertificationIsJudgedOnTheGivenDay()
    {
        var task = Task(certificationRequired: true);
        var group = CertifiedGroup(issued: Today.AddYears(-1), expires: task.StartDate);

        AssertMatch(true, group, task, Today);
        AssertMatch(false, group, task, task.StartDate.AddDays(1));
    }

    [Fact]
    public void AnExpiredCertificationStillMatchesTasksNotRequiringIt()
    {
        var group = CertifiedGroup(issued: Today.AddYears(-1), expires: Today.AddDays(-1));

        AssertMatch(true, group, Task(certificationRequired: false));
    }

    [Fact]
    public void TheQueryReturnsOnlyTheMatchingTasks()
    {
        var matching = Task();
        var tasks = new[]
        {
            Task(category: Categories.EventSupport),
            matching,
            Task(ward: Wards.Asao),
            Task(certificationRequired: true),
        };

        var found = tasks.AsQueryable().Where(TaskMatcher.TasksFor(VerifiedGroup(), Today)).ToList();

        Assert.Same(matching, Assert.Single(found));
    }
}
