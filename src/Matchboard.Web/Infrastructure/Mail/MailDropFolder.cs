using MimeKit;

namespace Matchboard.Web.Infrastructure.Mail;

/// <summary>One dropped message as the Development mail-drop page lists it.</summary>
public sealed record DroppedMail(string Name, DateTimeOffset? Date, string To, string Subject);

/// <summary>
/// The folder <c>Matchboard:MailDrop</c> (default <c>data/mail</c> under the content root) where the drop sender
/// writes each message as an .eml file, and from which the Development page reads them back.
/// </summary>
public sealed class MailDropFolder(string path)
{
    public const string Extension = ".eml";

    public string Path { get; } = path;

    public static MailDropFolder From(IConfiguration configuration, string contentRoot) =>
        new(System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, configuration["Matchboard:MailDrop"] ?? "data/mail")));

    /// <summary>The newest messages first (names begin with the UTC time they were written).</summary>
    public IReadOnlyList<DroppedMail> List(int take)
    {
        if (!Directory.Exists(Path))
        {
            return [];
        }

        return Directory.EnumerateFiles(Path, "*" + Extension)
            .Select(System.IO.Path.GetFileName)
            .OrderDescending(StringComparer.Ordinal)
            .Take(take)
            .Select(name => Load(name!) is { } message
                ? new DroppedMail(name!, message.Date == DateTimeOffset.MinValue ? null : message.Date, message.To.ToString(), message.Subject ?? string.Empty)
                : null)
            .OfType<DroppedMail>()
            .ToList();
    }

    /// <summary>A message by its file name; null for a name that is not a plain .eml file in the folder.</summary>
    public MimeMessage? Load(string name)
    {
        // Only a bare file name: nothing outside the folder can be read through this.
        if (string.IsNullOrEmpty(name) || name != System.IO.Path.GetFileName(name) || !name.EndsWith(Extension, StringComparison.Ordinal))
        {
            return null;
        }

        var file = System.IO.Path.Combine(Path, name);
        return File.Exists(file) ? MimeMessage.Load(file) : null;
    }
}
