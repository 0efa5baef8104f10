using Matchboard.Domain;
using Matchboard.Domain.Bids;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.ScaleOut.Tests.Infrastructure;

/// <summary>A user and the organization it acts for.</summary>
public sealed record Member(int OrganizationId, string Email);

/// <summary>A task whose deadline has passed, closed with its live bids waiting for the award.</summary>
public sealed record ClosedTask(int TaskId, IReadOnlyList<int> BidIds);

/// <summary>
/// Writes a market of any size straight into a database through the app's own DbContext, domain and
/// UserManager (setup, not what is under test): associations with an officer, verified civic groups with a
/// member each, tasks open for bids or already past their deadline with bids waiting. The domain takes the
/// time as an argument, so a task posted three days ago whose deadline passed yesterday is written honestly,
/// through the same rules as one posted through the API, with no clock moved in the running instances.
/// </summary>
public sealed class Market(IServiceProvider services)
{
    private static int _counter;

    public async Task<IReadOnlyList<Member>> AddAssociationsAsync(int count) =>
        await AddOrganizationsAsync(count, n => Organization.CreateAssociation($"負荷試験町内会 {n}", Wards.Takatsu, "溝口"));

    public async Task<IReadOnlyList<Member>> AddGroupsAsync(int count) =>
        await AddOrganizationsAsync(count, n =>
        {
            var group = Organization.CreateCivicGroup(
                $"負荷試験清掃の会 {n}", Wards.Takatsu, "溝口", LegalForm.VoluntaryGroup, ActivityStyle.Volunteer,
                [Categories.Cleanup], [Wards.Takatsu], capacity: 1000);
            group.Verify();
            return group;
        });

    /// <summary>Published clean-up tasks of the association, open for bids until <paramref name="deadlineIn"/> from now.</summary>
    /// <summary>Changes a task's title with a bulk update: no SaveChanges, so no instance evicts its cached board.</summary>
    public async Task RetitleBehindTheCacheAsync(int taskId, string title)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        await db.Tasks.Where(t => t.Id == taskId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Title, title));
    }

    public async Task<IReadOnlyList<int>> AddOpenTasksAsync(Member association, int count, TimeSpan deadlineIn)
    {
        var now = DateTimeOffset.UtcNow;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var tasks = Enumerable.Range(0, count).Select(_ =>
        {
            var task = CommunityTask.Draft(association.OrganizationId, Details(now, now + deadlineIn), now);
            task.Publish(now);
            return task;
        }).ToList();
        db.Tasks.AddRange(tasks);
        await db.SaveChangesAsync();
        return tasks.Select(t => t.Id).ToList();
    }

    /// <summary>
    /// Tasks posted three days ago, each with a bid from every one of <paramref name="bidders"/> placed the day
    /// after, whose deadline passed an hour ago and which are closed (as the deadline sweep would close them):
    /// they wait for the association's award.
    /// </summary>
    public async Task<IReadOnlyList<ClosedTask>> AddClosedTasksAsync(Member association, IReadOnlyList<Member> bidders, int count)
    {
        var now = DateTimeOffset.UtcNow;
        var postedAt = now.AddDays(-3);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var groupIds = bidders.Select(b => b.OrganizationId).ToList();
        var groups = db.Organizations.Where(o => groupIds.Contains(o.Id)).ToList();
        var tasks = new List<CommunityTask>();
        for (var i = 0; i < count; i++)
        {
            var details = Details(postedAt, now.AddHours(-1));
            var task = CommunityTask.Draft(association.OrganizationId, details, postedAt);
            task.Publish(postedAt);
            var amount = 15_000L;
            foreach (var group in groups)
            {
                task.PlaceBid(group, new BidTerms(amount, "2人で清掃します。道具は持参します。", 2, details.StartDate), postedAt.AddDays(1));
                amount += 1_000;
            }

            task.Close(now);
            tasks.Add(task);
        }

        db.Tasks.AddRange(tasks);
        await db.SaveChangesAsync();
        return tasks.Select(t => new ClosedTask(t.Id, t.Bids.Select(b => b.Id).ToList())).ToList();
    }

    /// <summary>Reads the shared database directly: the truth a test compares the answers with.</summary>
    public async Task<T> ReadAsync<T>(Func<MatchboardDbContext, Task<T>> read)
    {
        await using var scope = services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<MatchboardDbContext>());
    }

    /// <summary>A monthly Saturday clean-up starting a week after the deadline's day.</summary>
    private static TaskDetails Details(DateTimeOffset postedAt, DateTimeOffset deadline)
    {
        var start = JapanTime.DateOf(deadline).AddDays(7);
        var end = start.AddDays(60);
        var saturdays = WeekdaySet.Of(DayOfWeek.Saturday);
        return new TaskDetails(
            $"駅前の清掃（負荷試験 {Interlocked.Increment(ref _counter)}）", "駅前の歩道を清掃してください。", Categories.Cleanup, Wards.Takatsu, "溝口",
            start, end, saturdays.CountBetween(start, end), IsVolunteer: true, FeeYen: 20_000, deadline,
            CertificationRequired: false, InsuranceRequired: false, HouseholdsServed: 0, saturdays);
    }

    private async Task<IReadOnlyList<Member>> AddOrganizationsAsync(int count, Func<string, Organization> create)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var organizations = Enumerable.Range(0, count).Select(_ => create($"{Guid.NewGuid():N}"[..10])).ToList();
        db.Organizations.AddRange(organizations);
        await db.SaveChangesAsync();
        var members = new List<Member>();
        foreach (var organization in organizations)
        {
            var email = $"load-{Guid.NewGuid():N}@example.jp";
            var result = await users.CreateAsync(
                new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, OrganizationId = organization.Id, DisplayName = "負荷 試験" },
                DemoAccounts.Password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
            members.Add(new Member(organization.Id, email));
        }

        return members;
    }
}
