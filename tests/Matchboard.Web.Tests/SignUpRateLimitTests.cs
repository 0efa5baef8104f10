using System.Net;
using System.Net.Http.Json;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>10,000 sign-ups from one address: <c>Matchboard:SignUpsPerHour</c> per client address.</summary>
public sealed class SignUpRateLimitTests(SignUpRateLimitTests.StrictFactory factory) : IClassFixture<SignUpRateLimitTests.StrictFactory>
{
    public sealed class StrictFactory : MatchboardFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Matchboard:SignUpsPerHour", "2");
        }

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<IStartupFilter, TestRemoteAddress>();
    }

    [Fact]
    public async Task SignUpsBeyondTheHourlyLimitFromOneAddressAre429AndCreateNothingWhileAnotherAddressStillSignsUp()
    {
        var flood = TestRemoteAddress.From(factory.CreateClient(), "198.51.100.7");
        for (var i = 0; i < 2; i++)
        {
            var allowed = await flood.PostAsJsonAsync("/api/registrations", JoiningTests.SignUp("Supporter", $"人 {Guid.NewGuid():N}"[..20], $"flood-{Guid.NewGuid():N}@example.jp"));
            Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
        }

        var mark = factory.DroppedMailFiles();
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var refused = await flood.PostAsJsonAsync("/api/registrations", JoiningTests.SignUp("Supporter", "三人目", $"flood-{Guid.NewGuid():N}@example.jp"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
        Assert.Empty(factory.DroppedMailSince(mark));
        var other = TestRemoteAddress.From(factory.CreateClient(), "198.51.100.8");
        Assert.Equal(HttpStatusCode.Accepted, (await other.PostAsJsonAsync("/api/registrations", JoiningTests.SignUp("Supporter", "別の人", $"other-{Guid.NewGuid():N}@example.jp"))).StatusCode);
    }
}
