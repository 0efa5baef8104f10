using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>
/// Another app instance for the scale-out tests: optionally on the SAME database as <paramref name="sameDatabaseAs"/>
/// (and then on its clock too, so that both hosts agree on "now"), with extra settings such as <c>Redis:Configuration</c>.
/// </summary>
public class InstanceFactory(MatchboardFactory? sameDatabaseAs = null, IReadOnlyDictionary<string, string?>? settings = null)
    : MatchboardFactory
{
    /// <summary>The clock this host runs on: the first host's when it shares its database.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider SharedClock => sameDatabaseAs?.Clock ?? Clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (sameDatabaseAs is not null)
        {
            builder.UseSetting("ConnectionStrings:Matchboard", sameDatabaseAs.ConnectionString);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        if (sameDatabaseAs is not null)
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(sameDatabaseAs.Clock);
        }
    }
}
