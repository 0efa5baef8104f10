using Microsoft.Extensions.Options;

namespace Matchboard.Web.Infrastructure.Mail;

/// <summary>
/// Writes each message as an .eml file (RFC 5322, UTF-8) into the mail-drop folder instead of sending it:
/// in Development, and wherever no SMTP host is set. A developer opens the files in any mail reader or on
/// the Development mail-drop page.
/// </summary>
public sealed class MailDropSender(MailDropFolder folder, IOptions<SmtpSettings> settings, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var mime = MimeMessages.Create(message, settings.Value.From, now);
        Directory.CreateDirectory(folder.Path);

        // The name sorts by time, and the random part keeps two messages of one instant apart.
        var name = $"{now:yyyyMMdd'T'HHmmssfffffff'Z'}-{Guid.NewGuid():N}{MailDropFolder.Extension}";
        var file = Path.Combine(folder.Path, name);
        var temporary = file + ".tmp";
        await mime.WriteToAsync(temporary, ct);

        // Written under another name first, so a reader never sees half a message.
        File.Move(temporary, file);
    }
}
