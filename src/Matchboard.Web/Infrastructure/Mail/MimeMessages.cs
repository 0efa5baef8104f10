using MimeKit;
using MimeKit.Text;

namespace Matchboard.Web.Infrastructure.Mail;

/// <summary>Turns an <see cref="EmailMessage"/> into RFC 5322 text, the same for the drop folder and for SMTP.</summary>
internal static class MimeMessages
{
    public static MimeMessage Create(EmailMessage message, string from, DateTimeOffset date)
    {
        // Japanese text: the body is UTF-8; MimeKit encodes non-ASCII headers (RFC 2047) so any reader shows them.
        var body = new TextPart(TextFormat.Plain);
        body.SetText("utf-8", message.Body);
        var mime = new MimeMessage { Subject = message.Subject, Date = date, Body = body };
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        return mime;
    }
}
