using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Matchboard.Browser.Tests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port with a fresh seeded SQLite database, and Debian's Chromium driven by
/// Playwright (its own browser download is not available here). One per test class.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"matchboard-browser-{Guid.NewGuid():N}.db");
    private IPlaywright? _playwright;

    public BrowserApp()
    {
        UseKestrel(0);
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Where the app drops its mail (.eml files) instead of sending it: a fresh folder per test class.</summary>
    public string MailDrop { get; } = Path.Combine(Path.GetTempPath(), $"matchboard-browser-mail-{Guid.NewGuid():N}");

    /// <summary>Every message dropped so far, oldest first.</summary>
    public IReadOnlyList<MimeKit.MimeMessage> DroppedMail() =>
        Directory.Exists(MailDrop)
            ? Directory.EnumerateFiles(MailDrop, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeKit.MimeMessage.Load(f)).ToList()
            : [];

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    public static string ArtifactsDirectory { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("MATCHBOARD_ARTIFACTS") ?? Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public async Task InitializeAsync()
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
            .Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>
    /// A fresh browser context (its own cookies and an empty cache), as a second person on another device;
    /// <paramref name="storageState"/> (from <c>IBrowserContext.StorageStateAsync</c>) carries a sign-in over;
    /// <paramref name="javaScript"/> false is a phone whose browser runs no script.
    /// </summary>
    public async Task<IPage> NewPageAsync(
        int width = 1280, int height = 900, string locale = "ja-JP", string? storageState = null, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            StorageState = storageState,
            JavaScriptEnabled = javaScript,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
        {
            File.Delete(file);
        }

        if (Directory.Exists(MailDrop))
        {
            Directory.Delete(MailDrop, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Matchboard", $"Data Source={_databaseFile}");
        builder.UseSetting("Matchboard:SweepInterval", "00:00:00");
        builder.UseSetting("Matchboard:WritesPerMinute", "10000");
        builder.UseSetting("Matchboard:SeedDemo", "true");
        builder.UseSetting("Matchboard:RequireHttps", "false");
        builder.UseSetting("Matchboard:MailDrop", MailDrop);

        // Every page signs in from 127.0.0.1; and the tests move the clock by days, which a session must outlive.
        builder.UseSetting("Matchboard:SignInsPerMinute", "10000");
        builder.UseSetting("Matchboard:SignInsPerAccountPerMinute", "10000");
        builder.UseSetting("Matchboard:Sessions:AccessTokenLifetime", "3650.00:00:00");
        builder.UseSetting("Matchboard:Sessions:CookieLifetime", "3650.00:00:00");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
