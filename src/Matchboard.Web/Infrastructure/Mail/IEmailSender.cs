namespace Matchboard.Web.Infrastructure.Mail;

/// <summary>
/// The one way the app sends mail: to the mail-drop folder in Development or when no SMTP host is set,
/// otherwise through SMTP. Callers log a failure; a mail never fails the change it reports.
/// </summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}
