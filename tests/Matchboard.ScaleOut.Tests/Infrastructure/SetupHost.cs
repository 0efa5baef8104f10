using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Matchboard.ScaleOut.Tests.Infrastructure;

/// <summary>
/// The app in-process on the cluster's shared database, used only to prepare it: its start-up applies the
/// migrations (before any instance starts, so no two race to migrate), and its services (the DbContext and
/// Identity's UserManager, registered exactly as the app registers them for the configured provider) write
/// the test data. Its own sweeps are off; it serves no test traffic.
/// </summary>
public sealed class SetupHost(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Matchboard:SweepInterval", "00:00:00");
    }
}
