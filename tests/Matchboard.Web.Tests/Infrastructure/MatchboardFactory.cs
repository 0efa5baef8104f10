using Matchboard.Web.Data.Provider;
using Matchboard.Web.Features.Tasks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a fresh database with the demo seed loaded, and a clock the test moves by hand.
/// One instance per test class. The database is a SQLite file, or with <c>MATCHBOARD_TEST_DATABASE=Postgres</c>
/// a fresh database on the process's throwaway PostgreSQL (<see cref="PostgresServer"/>), dropped on dispose.
/// </summary>
public class MatchboardFactory : WebApplicationFactory<Program>
{
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"matchboard-test-{Guid.NewGuid():N}.db");

    private readonly Lazy<string> _connectionString;

    public MatchboardFactory()
    {
        _connectionString = new Lazy<string>(() => Provider == DatabaseProvider.Postgres
            ? PostgresServer.CreateDatabase("matchboard_test")
            : $"Data Source={_databaseFile}");
    }

    /// <summary>The provider every factory of this test run uses: <c>MATCHBOARD_TEST_DATABASE</c>, SQLite by default.</summary>
    public static DatabaseProvider TestProvider { get; } =
        string.Equals(Environment.GetEnvironmentVariable("MATCHBOARD_TEST_DATABASE"), "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    /// <summary>This host's provider (a subclass may pin one).</summary>
    public virtual DatabaseProvider Provider => TestProvider;

    /// <summary>
    /// The host's clock, starting now on a whole second: PostgreSQL keeps instants to the microsecond, not to .NET's
    /// 100 ns tick, so a test comparing a stored instant with the clock's must not start between two microseconds.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public string ConnectionString => _connectionString.Value;

    /// <summary>This host's own mail-drop folder, so that tests read back only the mail their host wrote.</summary>
    public string MailDrop { get; } = Path.Combine(Path.GetTempPath(), $"matchboard-mail-{Guid.NewGuid():N}");

    /// <summary>This host's own folder for verification documents.</summary>
    public string Documents { get; } = Path.Combine(Path.GetTempPath(), $"matchboard-documents-{Guid.NewGuid():N}");

    /// <summary>The messages in the mail drop, parsed.</summary>
    public IReadOnlyList<MimeMessage> DroppedMail() => DroppedMailSince(new HashSet<string>());

    /// <summary>The files in the mail drop now: a mark from which <see cref="DroppedMailSince"/> reads only newer mail.</summary>
    public IReadOnlySet<string> DroppedMailFiles() =>
        Directory.Exists(MailDrop) ? Directory.EnumerateFiles(MailDrop, "*.eml").ToHashSet(StringComparer.Ordinal) : new HashSet<string>();

    /// <summary>The messages written since the mark, parsed: a test reads only the mail its own actions caused.</summary>
    public IReadOnlyList<MimeMessage> DroppedMailSince(IReadOnlySet<string> mark) =>
        DroppedMailFiles().Except(mark).Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Matchboard", ConnectionString);
        builder.UseSetting("Matchboard:MailDrop", MailDrop);
        builder.UseSetting("Matchboard:Documents", Documents);

        // The sweeper would race the tests' own moves of the clock; tests call it directly instead.
        builder.UseSetting("Matchboard:SweepInterval", "00:00:00");
        builder.UseSetting("Matchboard:WritesPerMinute", "10000");
        // Likewise the audit sealer: tests seal by calling AuditSealer.SealAsync.
        builder.UseSetting("Matchboard:Audit:SealInterval", "00:00:00");

        // The tests rely on the demo marketplace, which loads only where asked for (and never in Production).
        builder.UseSetting("Matchboard:SeedDemo", "true");
        if (PlainHttp)
        {
            // The test server talks plain http on loopback, like a host with no proxy in front.
            builder.UseSetting("Matchboard:RequireHttps", "false");
        }

        // Every test class signs in many times from one (absent) address; the throttling tests set their own limits.
        builder.UseSetting("Matchboard:SignInsPerMinute", "10000");
        builder.UseSetting("Matchboard:SignUpsPerHour", "10000");
        builder.UseSetting("Matchboard:SignInsPerAccountPerMinute", "10000");
        if (LongSessions)
        {
            // Tests move the clock by days; a token and a cookie must outlive that.
            builder.UseSetting("Matchboard:Sessions:AccessTokenLifetime", "3650.00:00:00");
            builder.UseSetting("Matchboard:Sessions:CookieLifetime", "3650.00:00:00");
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            ConfigureTestServices(services);
        });
    }

    /// <summary>False leaves <c>Matchboard:RequireHttps</c> to its default, as a real deployment would.</summary>
    protected virtual bool PlainHttp => true;

    /// <summary>Whether sessions are stretched to outlive the tests' moves of the clock (the lifetime tests keep the app's own).</summary>
    protected virtual bool LongSessions => true;

    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Provider == DatabaseProvider.Postgres)
        {
            if (_connectionString.IsValueCreated)
            {
                PostgresServer.DropDatabase(_connectionString.Value);
            }
        }
        else
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
            {
                File.Delete(file);
            }
        }

        if (Directory.Exists(MailDrop))
        {
            Directory.Delete(MailDrop, recursive: true);
        }

        if (Directory.Exists(Documents))
        {
            Directory.Delete(Documents, recursive: true);
        }
    }
}
