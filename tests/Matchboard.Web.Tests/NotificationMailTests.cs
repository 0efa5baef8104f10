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

    [Fact]
    public async Task OneCommitToSeveralOrganizationsMailsEachPersonOnlyWhatTheirOrganizationGotAndTheyChose()
    {
        // Urgent to one organization, a BidPlaced to a second, a QuestionAsked to a third, all in one commit: each person
        // is matched against their own organization's notification, not against every type in the commit.
        var urgentOrganization = (await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer)).OrganizationId;
        var bidOrganization = (await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer)).OrganizationId;
        var questionOrganization = (await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff)).OrganizationId;
        var choseNothing = await TestUsers.AddAsync(factory, urgentOrganization);
        var choseBids = await TestUsers.AddAsync(factory, bidOrganization);
        var choseQuestionsWithBids = await TestUsers.AddAsync(factory, bidOrganization);
        var choseBidsWithQuestions = await TestUsers.AddAsync(factory, questionOrganization);
        var choseQuestions = await TestUsers.AddAsync(factory, questionOrganization);
        await ChooseAsync(choseBids, "BidPlaced");
        await ChooseAsync(choseQuestionsWithBids, "QuestionAsked");
        await ChooseAsync(choseBidsWithQuestions, "BidPlaced");
        await ChooseAsync(choseQuestions, "QuestionAsked");
        var title = $"まとめて {Guid.NewGuid():N}";

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Matchboard.Web.Data.MatchboardDbContext>();
            var taskId = db.Tasks.Select(t => t.Id).First();
            var outbox = scope.ServiceProvider.GetRequiredService<Matchboard.Web.Features.Notifications.NotificationOutbox>();
            var now = factory.Clock.GetUtcNow();
            outbox.Add(() =>
            [
                new Notification(urgentOrganization, NotificationType.VisitAlert, taskId, title, now, alertId: 1, isUrgent: true),
                new Notification(bidOrganization, NotificationType.BidPlaced, taskId, title, now),
                new Notification(questionOrganization, NotificationType.QuestionAsked, taskId, title, now),
            ]);
            await outbox.CommitAsync(CancellationToken.None);
        }

        var to = MailsAbout(title).Select(To).ToList();
        Assert.Contains(choseNothing, to);
        Assert.Contains(choseBids, to);
        Assert.Contains(choseQuestions, to);
        Assert.DoesNotContain(choseQuestionsWithBids, to);
        Assert.DoesNotContain(choseBidsWithQuestions, to);
        Assert.Equal(to.Count, to.Distinct().Count());
    }

    private async Task ChooseAsync(string email, string type)
    {
        var client = await ApiClient.SignInAsync(factory, email);
        (await client.Http.PutAsJsonAsync("/api/me/email-preferences", new { types = new[] { type } })).EnsureSuccessStatusCode();
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
