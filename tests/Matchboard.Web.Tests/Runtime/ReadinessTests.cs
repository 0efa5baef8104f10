using System.Net;
using System.Net.Sockets;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests.Runtime;

/// <summary>
/// <c>/health</c> is liveness (the process answers, whatever its dependencies do); <c>/health/ready</c> asks the
/// database and, when configured, Redis. An instance whose Redis is away still starts and serves HTTP.
/// </summary>
public sealed class ReadinessTests(MatchboardFactory factory, RedisServer redis) : IClassFixture<MatchboardFactory>, IClassFixture<RedisServer>
{
    private static readonly TimeSpan ReconnectPatience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WithTheDatabaseAndNoRedisConfiguredBothLivenessAndReadinessAreOk()
    {
        var http = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnInstanceWhoseRedisIsUnreachableStartsServesHttpAndSaysItIsNotReady()
    {
        await using var instance = new InstanceFactory(settings: new Dictionary<string, string?> { ["Redis:Configuration"] = $"127.0.0.1:{UnusedPort()}" });
        var http = instance.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready")).StatusCode);

        // Writes still work: the change and its notification rows commit, only the push is lost (clients catch up).
        var officer = await ApiClient.SignInAsync(instance, DemoAccounts.KizukiOfficer);
        var task = await officer.PostTaskAsync(Requests.WatchOverTask(instance.Clock.GetUtcNow()));
        var mimamori = await ApiClient.SignInAsync(instance, DemoAccounts.MimamoriStaff);
        Assert.Contains((await mimamori.NotificationsAsync()).Items, n => n.TaskId == task.Id);
    }

    [Fact]
    public async Task ReadinessFollowsRedisGoingDownAndComingBackWhileLivenessStaysOk()
    {
        await using var instance = new InstanceFactory(settings: new Dictionary<string, string?> { ["Redis:Configuration"] = redis.Configuration });
        var http = instance.CreateClient();
        try
        {
            Assert.True(await Eventually.HoldsAsync(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, ReconnectPatience));

            redis.Stop();
            Assert.True(await Eventually.HoldsAsync(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable, ReconnectPatience));
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/Tasks")).StatusCode);

            redis.Start();
            Assert.True(await Eventually.HoldsAsync(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, ReconnectPatience));
        }
        finally
        {
            redis.Start();
        }
    }

    private static int UnusedPort()
    {
        // Bound and released: nothing listens there, so connecting is refused at once.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
