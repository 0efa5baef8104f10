using Matchboard.Domain.Notifications;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests.Runtime;

/// <summary>
/// Two instances on one database and one Redis: a push caused on one reaches a client connected to the other.
/// The outage itself (writes keep working, pushes resume, clients recover every notification) is proven on real
/// processes by the scale-out tests' RedisOutageTests: two test hosts in one process, competing for two cores with
/// the other classes, reconnected too slowly for an in-process copy of it to be reliable.
/// </summary>
[Collection(RedisOutageCollection.Name)]
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

    private Dictionary<string, string?> RedisSettings() => new() { ["Redis:Configuration"] = redis.Configuration };
}

/// <summary>
/// Reconnecting to a Redis that came back follows real time; with two test hosts per class competing for two cores
/// with other classes it trailed past the test's patience once, so the outage test runs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RedisOutageCollection
{
    public const string Name = "Redis outage";
}
