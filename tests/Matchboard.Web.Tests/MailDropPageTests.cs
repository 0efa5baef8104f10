using System.Net;
using Matchboard.Web.Infrastructure.Mail;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>Outside Development (the tests' own environment) the mail-drop page does not exist.</summary>
public sealed class MailDropPageTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task TheMailDropPageIsNotFoundOutsideDevelopmentAndTheStartPageDoesNotLinkToIt()
    {
        await factory.Services.GetRequiredService<IEmailSender>().SendAsync(new EmailMessage("a@example.jp", "件名", "本文"), CancellationToken.None);
        var name = Path.GetFileName(Directory.EnumerateFiles(factory.MailDrop).Single());
        var page = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);

        Assert.Equal(HttpStatusCode.NotFound, (await page.Http.GetAsync("/MailDrop")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.Http.GetAsync($"/MailDrop/{name}")).StatusCode);
        Assert.DoesNotContain("/MailDrop", await page.Http.GetStringAsync("/"));
    }
}

/// <summary>The app as a developer runs it.</summary>
public sealed class DevelopmentFactory : MatchboardFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");

        // Even with an SMTP host configured, Development never mails a real person.
        builder.UseSetting("Smtp:Host", "smtp.invalid");
    }
}

public sealed class DevelopmentMailDropPageTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    [Fact]
    public async Task InDevelopmentTheStartPageLinksToTheDroppedMailNewestFirstEachShownAsEncodedText()
    {
        var mail = factory.Services.GetRequiredService<IEmailSender>();
        Assert.IsType<MailDropSender>(mail);
        await mail.SendAsync(new EmailMessage("first@example.jp", "一通目", "本文"), CancellationToken.None);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await mail.SendAsync(new EmailMessage("second@example.jp", "二通目 <b>太字</b>", "<script>alert(1)</script>\n/Alerts/7"), CancellationToken.None);
        var page = await PageClient.CreateAsync(factory);

        Assert.Contains("href=\"/MailDrop\"", await page.Http.GetStringAsync("/"));
        var list = await page.Http.GetStringAsync("/MailDrop");
        Assert.True(list.IndexOf("二通目", StringComparison.Ordinal) < list.IndexOf("一通目", StringComparison.Ordinal), "newest first");
        Assert.Contains("二通目 &lt;b&gt;太字&lt;/b&gt;", list);

        var newest = Path.GetFileName(Directory.EnumerateFiles(factory.MailDrop).Order(StringComparer.Ordinal).Last());
        var shown = await page.Http.GetStringAsync($"/MailDrop/{newest}");
        Assert.Contains("second@example.jp", shown);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", shown);
        Assert.DoesNotContain("<script>alert(1)", shown);
        Assert.Contains("/Alerts/7", shown);
    }

    [Theory]
    [InlineData("/MailDrop/nothing.eml")]
    [InlineData("/MailDrop/..%2Fmatchboard.db")]
    [InlineData("/MailDrop/appsettings.json")]
    public async Task OnlyAMessageInTheDropFolderCanBeShown(string url)
    {
        var page = await PageClient.CreateAsync(factory);

        Assert.Equal(HttpStatusCode.NotFound, (await page.Http.GetAsync(url)).StatusCode);
    }
}
