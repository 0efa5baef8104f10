using Matchboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.ScaleOut.Tests.Infrastructure;

/// <summary>
/// Two Matchboard instances as real processes on one shared database and one Redis, the way a city-wide
/// deployment runs them, with the data the tests share: 100 verified civic groups, each with a signed-in member.
/// Shared by every test of the <see cref="ClusterCollection"/>; each test leaves both instances and Redis running.
/// </summary>
public sealed class Cluster : IAsyncLifetime
{
    public const int GroupCount = 100;

    private readonly Dictionary<AppInstance, HttpClient> _http = [];
    private string? _connectionString;
    private SetupHost? _setup;

    public AppInstance A { get; private set; } = null!;

    public AppInstance B { get; private set; } = null!;

    public Market Market { get; private set; } = null!;

    /// <summary>The backplane every instance shares; a test may stop it and start it again on the same port.</summary>
    public RedisServer Redis { get; private set; } = null!;

    /// <summary>The configuration every instance gets (the same as the setup host's).</summary>
    public Dictionary<string, string> Settings { get; } = new()
    {
        ["Matchboard:SeedDemo"] = "false",
        ["Matchboard:RequireHttps"] = "false",
        // Load tests raise the limits by configuration; the defaults stay strict.
        ["Matchboard:WritesPerMinute"] = "1000000",
        ["Matchboard:SignInsPerMinute"] = "1000000",
        ["Matchboard:SignInsPerAccountPerMinute"] = "1000000",
        // The instances keep the real clock: a minute's window, so that a cached board stays cached within a test.
        ["Matchboard:BoardCache:Lifetime"] = "00:01:00",
        ["Matchboard:MailDrop"] = Path.Combine(Path.GetTempPath(), $"matchboard-scaleout-mail-{Guid.NewGuid():N}"),
    };

    public IReadOnlyList<Session> Groups { get; private set; } = [];

    /// <summary>The shared database's engine, for the figures.</summary>
    public string Provider => Settings.GetValueOrDefault("Database:Provider", "Sqlite");

    public IEnumerable<AppInstance> Instances => [A, B];

    public HttpClient Http(AppInstance instance) => _http[instance];

    public AppInstance Other(AppInstance instance) => instance == A ? B : A;

    public async Task InitializeAsync()
    {
        _connectionString = PostgresServer.CreateDatabase("matchboard_scaleout");
        Settings["Database:Provider"] = "Postgres";
        Settings["ConnectionStrings:Matchboard"] = _connectionString;
        Redis = new RedisServer();
        Settings["Redis:Configuration"] = Redis.Configuration;

        // Migrations first, from one process, then the instances.
        _setup = new SetupHost(Settings);
        _ = _setup.Services.GetRequiredService<IServiceProvider>();
        Market = new Market(_setup.Services);

        A = new AppInstance("A", Settings);
        B = new AppInstance("B", Settings);
        await Task.WhenAll(A.StartAsync(), B.StartAsync());
        foreach (var instance in Instances)
        {
            _http[instance] = instance.CreateHttpClient();
        }

        Groups = await SignInAsync(await Market.AddGroupsAsync(GroupCount));
    }

    /// <summary>Signs every member in (alternately through each instance: a token from one works on the other).</summary>
    public async Task<IReadOnlyList<Session>> SignInAsync(IReadOnlyList<Member> members)
    {
        using var gate = new SemaphoreSlim(8);
        return await Task.WhenAll(members.Select(async (member, i) =>
        {
            await gate.WaitAsync();
            try
            {
                return await Session.SignInAsync(Http(i % 2 == 0 ? A : B), member);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>Redis and both instances up (a test that stopped one starts it again here, on the same port).</summary>
    public async Task EnsureRunningAsync()
    {
        Redis.Start();
        await Task.WhenAll(Instances.Where(i => !i.IsRunning).Select(async instance =>
        {
            await instance.StartAsync();

            // The old client's pooled connections died with the old process.
            _http[instance].Dispose();
            _http[instance] = instance.CreateHttpClient();
        }));
    }

    /// <summary>What the instances wrote lately, for a failing assertion's message.</summary>
    public string Logs => A.RecentLog + "\n" + B.RecentLog;

    public async Task DisposeAsync()
    {
        foreach (var http in _http.Values)
        {
            http.Dispose();
        }

        await A.DisposeAsync();
        await B.DisposeAsync();
        if (_setup is not null)
        {
            await _setup.DisposeAsync();
        }

        Redis?.Dispose();
        if (_connectionString is not null)
        {
            PostgresServer.DropDatabase(_connectionString);
        }

        if (Directory.Exists(Settings["Matchboard:MailDrop"]))
        {
            Directory.Delete(Settings["Matchboard:MailDrop"], recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<Cluster>
{
    public const string Name = "Two instances on one database and one Redis";
}
