using System.Net.Http.Json;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Infrastructure.Mail;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>The app with <c>Smtp:Host</c> set, pointed at an SMTP listener of the test's own on loopback.</summary>
public sealed class SmtpFactory : MatchboardFactory
{
    public LoopbackSmtpServer Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:StartTls", "false");
        builder.UseSetting("Smtp:From", "Matchboard <no-reply@matchboard.test>");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Smtp.Dispose();
    }
}

public sealed class SmtpMailTests(SmtpFactory factory) : IClassFixture<SmtpFactory>
{
    [Fact]
    public async Task WithAnSmtpHostAnUrgentAlertGoesOutThroughSmtpWithItsSubjectAndRecipient()
    {
        Assert.IsType<SmtpEmailSender>(factory.Services.GetRequiredService<IEmailSender>());
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var title = $"見守り訪問 {Guid.NewGuid():N}";
        await TestNotifications.CommitAsync(factory, officer.OrganizationId, NotificationType.VisitAlert, title, alertId: 12, isUrgent: true);

        var received = Assert.Single(factory.Smtp.Received, m => (m.Message.Subject ?? string.Empty).Contains(title));
        Assert.Equal([DemoAccounts.KizukiOfficer], received.Recipients);
        Assert.Equal(DemoAccounts.KizukiOfficer, received.Message.To.Mailboxes.Single().Address);
        Assert.Equal("no-reply@matchboard.test", received.Message.From.Mailboxes.Single().Address);
        Assert.StartsWith("【緊急】", received.Message.Subject, StringComparison.Ordinal);
        Assert.Contains("/Alerts/12", received.Message.TextBody);
        Assert.False(Directory.Exists(factory.MailDrop) && Directory.EnumerateFiles(factory.MailDrop).Any(), "nothing goes to the drop when SMTP is set");
    }

    [Fact]
    public async Task ASignUpConfirmationMailGoesOutThroughSmtpWithItsLink()
    {
        var email = $"smtp-join-{Guid.NewGuid():N}@example.jp";

        var response = await factory.CreateClient().PostAsJsonAsync("/api/registrations", JoiningTests.SignUp("Supporter", "SMTP 花子", email));

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var received = Assert.Single(factory.Smtp.Received, m => m.Recipients.Contains(email));
        Assert.Contains("メールアドレスの確認", received.Message.Subject);
        Assert.Matches(JoiningTests.ConfirmLink(), received.Message.TextBody);
    }
}
