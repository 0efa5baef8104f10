using System.Net;
using System.Net.Http.Json;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Infrastructure.Mail;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace Matchboard.Web.Tests;

/// <summary>Notifications by email, read back from this host's mail-drop folder.</summary>
public sealed class NotificationMailTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task AnUrgentNotificationIsMailedToEveryConfirmedUserOfTheOrganizationWhateverTheyChose()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var colleague = await TestUsers.AddAsync(factory, officer.OrganizationId);
        var unconfirmed = await TestUsers.AddAsync(factory, officer.OrganizationId, emailConfirmed: false);
        var title = $"見守り訪問 {Guid.NewGuid():N}";

        await TestNotifications.CommitAsync(factory, officer.OrganizationId, NotificationType.VisitAlert, title, alertId: 4711, isUrgent: true);

        var mails = MailsAbout(title);
        Assert.Equal([colleague, DemoAccounts.KizukiOfficer], mails.Select(To).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(mails, m => To(m) == unconfirmed);
        Assert.All(mails, mail =>
        {
            Assert.StartsWith("【緊急】", mail.Subject, StringComparison.Ordinal);
            Assert.Contains(title, mail.Subject);
            Assert.Contains("/Alerts/4711", mail.TextBody);
            Assert.Contains("団体の全員", mail.TextBody);
            Assert.Contains("English below", mail.TextBody);
        });
    }

    [Fact]
    public async Task ANonUrgentNotificationIsMailedOnlyToUsersWhoChoseItsType()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var quiet = await TestUsers.AddAsync(factory, officer.OrganizationId);
        var otherChoice = await TestUsers.AddAsync(factory, officer.OrganizationId);
        var otherClient = await ApiClient.SignInAsync(factory, otherChoice);
        (await officer.Http.PutAsJsonAsync("/api/me/email-preferences", new { types = new[] { "BidPlaced" } })).EnsureSuccessStatusCode();
        (await otherClient.Http.PutAsJsonAsync("/api/me/email-preferences", new { types = new[] { "QuestionAsked" } })).EnsureSuccessStatusCode();
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);

        await group.BidAsync(task.Id);

        var mail = Assert.Single(MailsAbout(task.Title));
        Assert.Equal(DemoAccounts.MizonokuchiOfficer, To(mail));
        Assert.Equal($"新しい提案が届きました：{task.Title}", mail.Subject);
        Assert.Contains($"/Tasks/{task.Id}", mail.TextBody);
        Assert.Contains($"New proposal received: {task.Title}", mail.TextBody);
        Assert.DoesNotContain(MailsAbout(task.Title), m => To(m) == quiet || To(m) == otherChoice);
    }

    [Fact]
    public async Task AMailIsPlainUtf8Rfc5322TextThatAnyMailReaderOpens()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var title = $"緊急 {Guid.NewGuid():N}";

        await TestNotifications.CommitAsync(factory, officer.OrganizationId, NotificationType.VisitAlertEscalated, title, alertId: 9, isUrgent: true);

        var file = Directory.EnumerateFiles(factory.MailDrop, "*.eml")
            .Single(f => MimeMessage.Load(f) is var m && (m.Subject ?? string.Empty).Contains(title) && To(m) == DemoAccounts.KizukiOfficer);
        var raw = await File.ReadAllTextAsync(file);
        Assert.Matches("(?m)^From: ", raw);
        Assert.Matches("(?m)^To: officer.kizuki@example.jp", raw);
        Assert.Matches("(?m)^Date: ", raw);
        Assert.Matches("(?mi)^Content-Type: text/plain; charset=utf-8", raw);
        Assert.DoesNotContain(Directory.EnumerateFiles(factory.MailDrop), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    private List<MimeMessage> MailsAbout(string title) => factory.DroppedMail().Where(m => (m.Subject ?? string.Empty).Contains(title)).ToList();

    private static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;
}

/// <summary>The app with a mail sender that always fails.</summary>
public sealed class FailingMailFactory : MatchboardFactory
{
    public IEmailSender Mail { get; } = Substitute.For<IEmailSender>();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        Mail.SendAsync(default!, default).ThrowsAsyncForAnyArgs(new IOException("mail server down"));
        services.RemoveAll<IEmailSender>();
        services.AddSingleton(Mail);
    }
}

public sealed class FailingMailTests(FailingMailFactory factory) : IClassFixture<FailingMailFactory>
{
    [Fact]
    public async Task AFailedMailDoesNotFailTheChangeAndTheNotificationIsKept()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        (await officer.Http.PutAsJsonAsync("/api/me/email-preferences", new { types = new[] { "BidPlaced" } })).EnsureSuccessStatusCode();
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);

        var response = await group.Http.PostAsJsonAsync($"/api/tasks/{task.Id}/bids", Requests.Bid(5_000));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await factory.Mail.ReceivedWithAnyArgs().SendAsync(default!, default);
        Assert.Contains((await officer.NotificationsAsync()).Items, n => n.TaskId == task.Id && n.Type == NotificationType.BidPlaced);
    }
}
