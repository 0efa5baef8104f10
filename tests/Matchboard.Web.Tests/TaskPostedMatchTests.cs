using System.Text.Json;
using Matchboard.Domain;
using Matchboard.Domain.Matching;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Matching;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>The app with a TaskPosted threshold no match reaches.</summary>
public sealed class HighNotifyThresholdFactory : MatchboardFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(MatchNotify.Section + ":MinimumScore", "1000");
    }
}

/// <summary>
/// A TaskPosted goes to the civic groups the rubric ranks for the task, that may bid on it and reach the threshold,
/// with the score and its top reasons; to no one else. A push that must not come is waited for properly: a sentinel
/// notification is committed to the same group afterwards, and once it arrives (pushes to one connection keep their
/// order) the group must have had nothing else: the sentinel is its first notification.
/// </summary>
public sealed class TaskPostedMatchTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    // The task: children's safety in 麻生区. Its neighbours are 宮前区 and 多摩区; 防犯パトロール is the related field.
    private const string TaskCategory = Categories.ChildSafety;
    private const string TaskWard = Wards.Asao;

    [Fact]
    public async Task AFirstTimeGroupInTheSameFieldNextDoorReceivesTaskPostedWithItsScoreAndTopReasons()
    {
        await using var group = await GroupAsync(factory, TaskCategory, Wards.Tama);

        var task = await PostTaskAsync(factory);
        var pushed = await group.Live.WaitForAsync(NotificationType.TaskPosted, task.Id);

        // 40 (same field) + 15 (next ward) + 10 (capacity left) + 4 × 5 (no history yet: neutral) = 85.
        var match = Assert.IsType<NotificationMatchDto>(pushed.Match);
        Assert.Equal(85, match.Score);
        Assert.Equal(
            [(MatchReasons.SameCategory, 40, 40), (MatchReasons.NeighbouringWard, 15, 30), (MatchReasons.CapacityLeft, 10, 10)],
            match.Reasons.Select(r => (r.Code, r.Points, r.MaxPoints)));
        Assert.Equal("同じ分野で活動（子どもの見守り）", match.Reasons[0].Ja);
        Assert.Equal("Works in the same field (Children's safety)", match.Reasons[0].En);
        Assert.Contains("多摩区", match.Reasons[1].Ja);
        Assert.All(match.Reasons, r => Assert.NotEqual(r.Ja, r.En));

        // The same as the rubric's own ranking of the groups for this task: score and the top three, in order.
        var ranked = await RankedAsync(factory, task.Id, group.Id);
        Assert.Equal(ranked.Total, match.Score);
        Assert.Equal(ranked.Reasons.Sum(r => r.Points), match.Score);
        Assert.Equal(ranked.TopReasons(TaskPostedAudience.TopReasons).Select(r => r.Code), match.Reasons.Select(r => r.Code));
    }

    [Fact]
    public async Task TheFeedShowsTheSameMatchAsThePushInBothLanguages()
    {
        await using var group = await GroupAsync(factory, TaskCategory, TaskWard);

        var task = await PostTaskAsync(factory);
        var pushed = await group.Live.WaitForAsync(NotificationType.TaskPosted, task.Id);
        var stored = Assert.Single((await group.Client.NotificationsAsync()).Items, n => n.TaskId == task.Id);

        // 40 (same field) + 30 (same ward) + 10 (capacity left) + 4 × 5 (no history yet) = 100.
        Assert.Equal(100, pushed.Match!.Score);
        Assert.Equal(JsonSerializer.Serialize(pushed.Match), JsonSerializer.Serialize(stored.Match));
        Assert.Equal(pushed.Sequence, stored.Sequence);
    }

    [Fact]
    public async Task TheNotificationListShowsTheScoreAndReasonsInThePagesLanguage()
    {
        await using var group = await GroupAsync(factory, TaskCategory, TaskWard);
        var task = await PostTaskAsync(factory);
        await group.Live.WaitForAsync(NotificationType.TaskPosted, task.Id);

        var ja = await (await PageClient.CreateAsync(factory, group.Email)).Http.GetStringAsync("/Notifications");
        var en = await (await PageClient.CreateAsync(factory, group.Email, "en")).Http.GetStringAsync("/Notifications");

        Assert.Contains("おすすめ度 100点", ja);
        Assert.Contains("同じ分野で活動（子どもの見守り）（40点）", ja);
        Assert.Contains("Match score 100 points", en);
        Assert.Contains("Works in the same field (Children&#x27;s safety) (40 points)", en);
    }

    [Fact]
    public async Task AGroupInAnUnrelatedFieldOrAFarWardReceivesNoTaskPosted()
    {
        await using var matching = await GroupAsync(factory, TaskCategory, TaskWard);
        await using var unrelated = await GroupAsync(factory, Categories.Cleanup, TaskWard);
        await using var far = await GroupAsync(factory, TaskCategory, Wards.Kawasaki);

        var task = await PostTaskAsync(factory);
        await matching.Live.WaitForAsync(NotificationType.TaskPosted, task.Id);

        await AssertToldNothingAsync(unrelated);
        await AssertToldNothingAsync(far);
    }

    [Fact]
    public async Task AFirstTimeGroupInARelatedFieldNextDoorIsBelowTheDefaultThresholdAndReceivesNone()
    {
        // 20 (related field) + 15 (next ward) + 10 + 4 × 5 = 65 < 70: ranked for the task, but not told of it.
        await using var related = await GroupAsync(factory, Categories.CrimePatrol, Wards.Miyamae);

        var task = await PostTaskAsync(factory);

        Assert.Equal(65, (await RankedAsync(factory, task.Id, related.Id)).Total);
        await AssertToldNothingAsync(related);
    }

    [Fact]
    public async Task AGroupThatMayNotBidReceivesNone()
    {
        await using var unverified = await GroupAsync(factory, TaskCategory, TaskWard, verified: false);
        await using var uncertified = await GroupAsync(factory, TaskCategory, TaskWard);
        await using var certified = await GroupAsync(factory, TaskCategory, TaskWard, certified: true);

        var task = await PostTaskAsync(factory, certificationRequired: true);
        var pushed = await certified.Live.WaitForAsync(NotificationType.TaskPosted, task.Id);

        // The same 100, and 10 for the certification the task requires.
        Assert.Equal(110, pushed.Match!.Score);
        await AssertToldNothingAsync(unverified);
        await AssertToldNothingAsync(uncertified);
    }

    internal static async Task<TestGroup> GroupAsync(
        MatchboardFactory factory, string category, string ward, bool verified = true, bool certified = false)
    {
        var now = factory.Clock.GetUtcNow();
        var today = JapanTime.DateOf(now);
        var group = Organization.CreateCivicGroup($"テスト子ども見守り {Guid.NewGuid():N}", ward, "町", LegalForm.VoluntaryGroup,
            ActivityStyle.Volunteer, [category], [ward], 2);
        if (verified)
        {
            group.Verify();
        }

        if (certified)
        {
            group.GrantCertification("P-0001", today.AddDays(-30), today.AddYears(1), null, "テスト", now);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
            db.Organizations.Add(group);
            await db.SaveChangesAsync();
        }

        var email = await TestUsers.AddAsync(factory, group.Id);
        var client = await ApiClient.SignInAsync(factory, email);
        return new TestGroup(group.Id, email, client, await LiveClient.ConnectAsync(factory, client), factory);
    }

    internal static async Task<Features.Tasks.TaskDetailDto> PostTaskAsync(MatchboardFactory factory, bool certificationRequired = false)
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var request = Requests.WatchOverTask(factory.Clock.GetUtcNow());
        request["category"] = TaskCategory;
        request["ward"] = TaskWard;
        request["certificationRequired"] = certificationRequired;
        request["insuranceRequired"] = false;
        return await officer.PostTaskAsync(request);
    }

    private static async Task<MatchScore> RankedAsync(MatchboardFactory factory, int taskId, int groupId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId);
        var ranked = await scope.ServiceProvider.GetRequiredService<MatchService>().RankGroupsAsync(task, OrganizationKind.CivicGroup, CancellationToken.None);
        return Assert.Single(ranked, r => r.Group.Id == groupId).Score;
    }

    /// <summary>
    /// Commits a sentinel to the group after the task was posted and waits for it: it must be the group's first
    /// notification, stored and pushed, so no TaskPosted (or anything else) came before it.
    /// </summary>
    internal static async Task AssertToldNothingAsync(TestGroup group)
    {
        await using (var scope = group.Factory.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<NotificationOutbox>();
            var now = group.Factory.Clock.GetUtcNow();
            outbox.Add(() => new Notification(group.Id, NotificationType.VerificationDecided, null, "sentinel", now));
            await outbox.CommitAsync(CancellationToken.None);
        }

        await group.Live.WaitForMarkAsync(1);
        var pushed = group.Live.Drain();
        Assert.Equal(["sentinel"], pushed.Select(n => n.Title));
        Assert.Equal(1, pushed[0].Sequence);
        Assert.Equal(["sentinel"], (await group.Client.NotificationsAsync()).Items.Select(n => n.Title));
    }

    internal sealed record TestGroup(int Id, string Email, ApiClient Client, LiveClient Live, MatchboardFactory Factory) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Live.DisposeAsync();
    }
}

/// <summary>With the threshold above any score, even the best-fitting group is not told.</summary>
public sealed class TaskPostedThresholdTests(HighNotifyThresholdFactory factory) : IClassFixture<HighNotifyThresholdFactory>
{
    [Fact]
    public async Task AGroupBelowTheConfiguredThresholdReceivesNoTaskPosted()
    {
        await using var group = await TaskPostedMatchTests.GroupAsync(factory, Categories.ChildSafety, Wards.Asao);

        await TaskPostedMatchTests.PostTaskAsync(factory);

        await TaskPostedMatchTests.AssertToldNothingAsync(group);
    }
}

/// <summary>The TaskPosted threshold as the host loads it: the published default, and nonsense refused at start-up.</summary>
public sealed class TaskPostedThresholdSetupTests
{
    [Fact]
    public async Task ThePublishedThresholdAppliesWhenNothingIsConfigured()
    {
        await using var host = new InstanceFactory();

        Assert.Equal(70, host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MatchNotify>>().Value.MinimumScore);
    }

    [Fact]
    public async Task ANegativeThresholdStopsTheHostFromStarting()
    {
        await using var host = new InstanceFactory(settings: new Dictionary<string, string?>
        {
            [MatchNotify.Section + ":MinimumScore"] = "-1",
        });

        var failure = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => host.Services);
        Assert.Contains("MinimumScore", failure.Message);
    }
}
