using Microsoft.AspNetCore.Hosting;

namespace Matchboard.Web.Tests.Dashboard;

/// <summary>
/// The real app on a fresh database without the demo seed, so that a test's own scenario is all the data there is
/// and its figures can be counted by hand.
/// </summary>
public sealed class EmptyMatchboardFactory : Infrastructure.MatchboardFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Matchboard:SeedDemo", "false");
    }
}
