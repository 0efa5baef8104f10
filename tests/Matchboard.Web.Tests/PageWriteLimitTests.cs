using System.Net;
using Matchboard.Web.Data;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>The page forms count against the same per-organization write limit as the API.</summary>
public sealed class PageWriteLimitTests(PageWriteLimitTests.LowWriteLimitFactory factory) : IClassFixture<PageWriteLimitTests.LowWriteLimitFactory>
{
    public const int WritesPerMinute = 3;

    [Fact]
    public async Task APageFormBeyondTheWriteLimitGets429AndWritesNothing()
    {
        // The officer's one API write counts for the association, not for the group that asks below.
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var task = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        var group = await PageClient.CreateAsync(factory, DemoAccounts.MimamoriStaff);

        for (var i = 1; i <= WritesPerMinute; i++)
        {
            var asked = await group.PostFormAsync($"/Tasks/{task.Id}?handler=Ask", new() { ["Ask.Text"] = $"質問{i}：訪問の曜日は選べますか。" });
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }

        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var refused = await group.PostFormAsync($"/Tasks/{task.Id}?handler=Ask", new() { ["Ask.Text"] = "もう一つ質問があります。" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(WritesPerMinute, await scope.ServiceProvider.GetRequiredService<MatchboardDbContext>().Questions.CountAsync(q => q.TaskId == task.Id));
    }

    [Fact]
    public async Task ReadingPagesIsNotCountedAsWriting()
    {
        var group = await PageClient.CreateAsync(factory, DemoAccounts.TamagawaStaff);

        for (var i = 0; i < WritesPerMinute * 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await group.Http.GetAsync("/Tasks")).StatusCode);
        }
    }

    /// <summary>The shared factory with a write limit low enough to reach in a test.</summary>
    public sealed class LowWriteLimitFactory : MatchboardFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Matchboard:WritesPerMinute", WritesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
