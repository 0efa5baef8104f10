using System.Globalization;
using System.Text;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Data;
using Matchboard.Web.Infrastructure.Mail;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Notifications;

/// <summary>
/// Mails committed notifications to people who are not looking at the app: an urgent one to every user of the
/// organization (with a confirmed address) whatever they chose, any other to those who chose its type.
/// A failed mail is logged and never undoes or fails the change it reports.
/// </summary>
public sealed class NotificationMailer(
    MatchboardDbContext db,
    IEmailSender sender,
    UiFormat ui,
    IConfiguration configuration,
    ILogger<NotificationMailer> logger)
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public const string SettingsPath = "/Accounts/EmailSettings";

    public async Task MailAsync(IReadOnlyCollection<Notification> notifications, CancellationToken ct)
    {
        if (notifications.Count == 0)
        {
            return;
        }

        // Only the people who get at least one of these mails: everyone (confirmed) in an organization with an urgent
        // one, and in the others those who chose one of their types. A new task tells a thousand organizations whose
        // people mostly chose no TaskPosted mail: reading them all only to drop them held up the pushes' sending.
        // The ids go as one parameter each (EF's default is one SQL parameter per id).
        var organizationIds = notifications.Select(n => n.OrganizationId).Distinct().ToList();
        var urgentIds = notifications.Where(n => n.IsUrgent).Select(n => n.OrganizationId).Distinct().ToList();
        var types = notifications.Where(n => !n.IsUrgent).Select(n => n.Type).Distinct().ToList();
        var people = await db.Users.AsNoTracking()
            .Where(u => EF.Parameter(organizationIds).Contains(u.OrganizationId) && u.EmailConfirmed && u.Email != null)
            .Where(u => EF.Parameter(urgentIds).Contains(u.OrganizationId) || u.EmailNotifications.Any(t => types.Contains(t)))
            .Select(u => new { u.OrganizationId, Email = u.Email!, u.EmailNotifications })
            .ToListAsync(ct);
        // By organization: a new task notifies a thousand organizations at once.
        var byOrganization = people.ToLookup(p => p.OrganizationId);

        foreach (var notification in notifications)
        {
            var recipients = byOrganization[notification.OrganizationId]
                .Where(p => notification.IsUrgent || p.EmailNotifications.Contains(notification.Type));
            foreach (var recipient in recipients)
            {
                try
                {
                    await sender.SendAsync(Compose(notification, recipient.Email), ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    logger.LogError(ex, "Mail of notification {Sequence} ({Type}) failed; it stays in the notification centre", notification.Sequence, notification.Type);
                }
            }
        }
    }

    /// <summary>Japanese first (the users' language), the same in English below.</summary>
    public EmailMessage Compose(Notification notification, string to)
    {
        var subject = InCulture(Japanese, () => Headline(notification));
        var body = new StringBuilder()
            .Append(InCulture(Japanese, () => ui.Text["mail.english"].Value)).Append("\n\n")
            .Append(InCulture(Japanese, () => Text(notification)))
            .Append("\n\n----------------------------------------\n\n")
            .Append(InCulture(English, () => Text(notification)))
            .ToString();
        return new EmailMessage(to, subject, body);
    }

    private string Headline(Notification notification) =>
        (notification.IsUrgent ? ui.Text["mail.urgent"].Value : string.Empty) + ui.Notification(notification.Type, notification.Title);

    private string Text(Notification notification) => new StringBuilder()
        .Append(Headline(notification)).Append('\n')
        .Append(ui.DateTime(notification.OccurredAt)).Append("\n\n")
        .Append(ui.Text["mail.open", Url(NotificationLinks.PathOf(notification))].Value).Append("\n\n")
        .Append(notification.IsUrgent ? ui.Text["mail.why-urgent"].Value : ui.Text["mail.why-chosen", Url(SettingsPath)].Value).Append('\n')
        .Append(ui.Text["mail.auto", ui.Text["site.name"].Value].Value).Append('\n')
        .ToString();

    /// <summary>An absolute link when <c>Matchboard:PublicUrl</c> is set (it should be, in production); the path otherwise.</summary>
    private string Url(string path) =>
        configuration["Matchboard:PublicUrl"] is { Length: > 0 } baseUrl ? baseUrl.TrimEnd('/') + path : path;

    /// <summary>The mail is written in a fixed language, whatever the language of the request that caused it.</summary>
    private static string InCulture(CultureInfo culture, Func<string> write) => UiCulture.In(culture, write);
}
