using Microsoft.AspNetCore.Hosting;

namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>
/// The test host with the API reference published (<c>Matchboard:PublishApiReference</c>), for the tests that read
/// the OpenAPI document; everywhere else it is off, as in Production.
/// </summary>
public sealed class ApiReferenceFactory : MatchboardFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Matchboard:PublishApiReference", "true");
    }
}
