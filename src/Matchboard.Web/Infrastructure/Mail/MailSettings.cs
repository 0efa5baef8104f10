namespace Matchboard.Web.Infrastructure.Mail;

/// <summary>The <c>Smtp</c> section. With no <see cref="Host"/>, mail goes to the mail-drop folder.</summary>
public sealed class SmtpSettings
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The From address, e.g. <c>Matchboard &lt;no-reply@example.jp&gt;</c>.</summary>
    public string From { get; set; } = "Matchboard <no-reply@matchboard.invalid>";

    /// <summary>Require STARTTLS (on by default; off only for a relay on the same host or a test listener).</summary>
    public bool StartTls { get; set; } = true;
}
