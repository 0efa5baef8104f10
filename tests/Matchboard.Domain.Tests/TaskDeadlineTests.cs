using Matchboard.Domain.Tasks;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

/// <summary>"Open and past the deadline counts as closed", in memory and as the queries read it.</summary>
public class TaskDeadlineTests
{
    public static TheoryData<CommunityTaskStatus, int> EveryStatusAroundTheDeadline()
    {
        var data = new TheoryData<CommunityTaskStatus, int>();
        foreach (var status in Enum.GetValues<CommunityTaskStatus>())
        {
            foreach (var minutesFromDeadline in new[] { -1, 0, 60 })
            {
                data.Add(status, minutesFromDeadline);
            }
        }

        return data;
    }

    [Theory]
    [InlineData(-1, CommunityTaskStatus.Open)]
    [InlineData(0, CommunityTaskStatus.Closed)]
    [InlineData(60, CommunityTaskStatus.Closed)]
    public void AnOpenTaskCountsAsClosedFromItsDeadline(int minutesFromDeadline, CommunityTaskStatus expected)
    {
        var task = OpenTask();
        var at = Deadline.AddMinutes(minutesFromDeadline);

        Assert.Equal(expected, task.EffectiveStatus(at));
        Assert.Equal(expected, TaskDeadline.EffectiveStatus(CommunityTaskStatus.Open, Deadline, at));
        Assert.Equal(expected == CommunityTaskStatus.Open, task.IsAcceptingBids(at));
        Assert.Equal(expected == CommunityTaskStatus.Closed, TaskDeadline.IsAwaitingDecision(CommunityTaskStatus.Open, Deadline, at));
        Assert.Equal(CommunityTaskStatus.Open, task.Status);
    }

    [Fact]
    public void AnyOtherStatusIsReadAsStoredWhateverTheTime()
    {
        foreach (var status in Enum.GetValues<CommunityTaskStatus>().Where(s => s != CommunityTaskStatus.Open))
        {
            Assert.Equal(status, TaskDeadline.EffectiveStatus(status, Deadline, BeforeDeadline));
            Assert.Equal(status, TaskDeadline.EffectiveStatus(status, Deadline, AfterDeadline));
            Assert.False(TaskDeadline.IsAcceptingBids(status, Deadline, BeforeDeadline));
        }
    }

    [Fact]
    public void AClosedTaskAwaitsADecisionEvenBeforeItsDeadline()
    {
        Assert.True(TaskDeadline.IsAwaitingDecision(CommunityTaskStatus.Closed, Deadline, BeforeDeadline));
    }

    [Theory]
    [MemberData(nameof(EveryStatusAroundTheDeadline))]
    public void TheQueriesSelectExactlyTheTasksTheEntityReadsThatWay(CommunityTaskStatus stored, int minutesFromDeadline)
    {
        var task = TaskIn(stored);
        var at = Deadline.AddMinutes(minutesFromDeadline);
        var tasks = new[] { task }.AsQueryable();

        foreach (var wanted in Enum.GetValues<CommunityTaskStatus>())
        {
            var found = tasks.Where(TaskDeadline.HasEffectiveStatus(wanted, at)).Any();
            Assert.Equal(task.EffectiveStatus(at) == wanted, found);
        }

        var dueForClosing = tasks.Where(TaskDeadline.OpenPastDeadlineAt(at)).Any();
        Assert.Equal(task.Status == CommunityTaskStatus.Open && task.EffectiveStatus(at) == CommunityTaskStatus.Closed, dueForClosing);
    }

    [Fact]
    public void ADeadlineHasPassedFromItsOwnInstant()
    {
        Assert.False(TaskDeadline.HasPassed(Deadline, BeforeDeadline));
        Assert.True(TaskDeadline.HasPassed(Deadline, Deadline));
        Assert.True(TaskDeadline.HasPassed(Deadline, AfterDeadline));
    }

    [Fact]
    public void TheOpenQueryReadsTheStatusOnceSoThatAnIndexCanSeekTheDeadline()
    {
        var open = TaskDeadline.HasEffectiveStatus(CommunityTaskStatus.Open, Deadline).Body.ToString();

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(open, "Status"));
        Assert.DoesNotContain("OrElse", open, StringComparison.Ordinal);
    }
}
