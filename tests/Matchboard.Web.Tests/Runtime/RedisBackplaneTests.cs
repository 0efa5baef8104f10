using System.Net;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests.Runtime;

/// <summary>
/// Two instances on one database and one Redis: a push caused on one reaches a client connected to the other,
/// and after a Redis outage (during which writes keep working) pushes flow again without restarting anything.
/// </summary>
public sealed class RedisBackplaneTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly TimeSpan ReconnectPatience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ATaskPostedThroughOneInstanceIsPushedToAGroupConnectedToTheOther()
    {
        await using var first = new InstanceFactory(settings: RedisSettings());
        await using var second = new InstanceFactory(sameDatabaseAs: first, settings: RedisSettings());
        var officer = await ApiClient.SignInAsync(first, DemoAccounts.KizukiOfficer);
        var group = await ApiClient.SignInAsync(second, DemoAccounts.MimamoriStaff);
        await using var live = await LiveClient.ConnectAsync(second, group);

        var task = await officer.PostTaskAsync(Requests.WatchOverTask(first.Clock.GetUtcNow()));

        var pushed = await live.WaitForAsync(NotificationType.TaskPosted, task.Id);
        Assert.Equal(task.Title, pushed.Title);
    }

    [Fact]
    public async Task WritesKeepWorkingWhileRedisIsDownAndPushesResumeWhenItReturns()
    {
        await using var first = new InstanceFactory(settings: RedisSettings());
        await using var second = new InstanceFactory(sameDatabaseAs: first, settings: RedisSettings());
        var officer = await ApiClient.SignInAsync(first, DemoAccounts.KizukiOfficer);
        var group = await ApiClient.SignInAsync(second, DemoAccounts.MimamoriStaff);
        await using var live = await LiveClient.ConnectAsync(second, group);
        var firstHttp = first.CreateClient();
        var secondHttp = second.CreateClient();
        try
        {
            redis.Stop();
            Assert.True(await Eventually.HoldsAsync(async () => (await firstHttp.GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable, ReconnectPatience));

            // Posted during the outage: stored with its notification (the client finds it with ?after=), not pushed.
            var during = await officer.PostTaskAsync(Requests.WatchOverTask(first.Clock.GetUtcNow()));
            Assert.Contains((await group.NotificationsAsync()).Items, n => n.TaskId == during.Id && n.Type == NotificationType.TaskPosted);

            redis.Start();
            Assert.True(await Eventually.HoldsAsync(async () =>
                (await firstHttp.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK
                && (await secondHttp.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, ReconnectPatience));

            // The second instance re-subscribes its channels on its own; the same hub connection gets pushes again.
            // (Re-subscription may trail the connection by a moment, so a few posts are allowed for the first push.)
            var resumed = false;
            for (var attempt = 0; attempt < 10 && !resumed; attempt++)
            {
                var after = await officer.PostTaskAsync(Requests.WatchOverTask(first.Clock.GetUtcNow()));
                try
                {
                    await live.WaitForAsync(NotificationType.TaskPosted, after.Id);
                    resumed = true;
                }
                catch (OperationCanceledException)
                {
                    // Not yet re-subscribed when this one was published; post again.
                }
            }

            Assert.True(resumed, "A push crossed the backplane again after Redis came back.");
        }
        finally
        {
            redis.Start();
        }
    }

    private Dictionary<string, string?> RedisSettings() => new() { ["Redis:Configuration"] = redis.Configuration };
}
