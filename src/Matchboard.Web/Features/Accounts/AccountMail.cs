using System.Globalization;
using System.Text;
using Matchboard.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Accounts;

/// <summary>
/// The mails about an account itself: confirm your address, someone signed up with your address (you already have
/// an account: reset its password here), reset your password. Japanese first, English below, like every mail.
/// Links are absolute when <c>Matchboard:PublicUrl</c> is set. Identity's tokens make them single-purpose and
/// time-limited; a reset changes the security stamp, so a reset link works once.
/// </summary>
public sealed class AccountMail(
    UserManager<ApplicationUser> users, IEmailSender sender, IStringLocalizer<UiText> text, IConfiguration configuration)
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public const string ConfirmPath = "/Accounts/ConfirmEmail";
    public const string ResetPath = "/Accounts/ResetPassword";

    public async Task SendConfirmationAsync(ApplicationUser user, CancellationToken ct)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = Url($"{ConfirmPath}?userId={Uri.EscapeDataString(user.Id)}&code={Uri.EscapeDataString(token)}");
        await SendAsync(user.Email!, "account-mail.confirm", link, ct);
    }

    public async Task SendAccountExistsAsync(ApplicationUser user, CancellationToken ct) =>
        await SendAsync(user.Email!, "account-mail.exists", await ResetLinkAsync(user), ct);

    public async Task SendPasswordResetAsync(ApplicationUser user, CancellationToken ct) =>
        await SendAsync(user.Email!, "account-mail.reset", await ResetLinkAsync(user), ct);

    private async Task<string> ResetLinkAsync(ApplicationUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return Url($"{ResetPath}?email={Uri.EscapeDataString(user.Email!)}&token={Uri.EscapeDataString(token)}");
    }

    private Task SendAsync(string to, string key, string link, CancellationToken ct)
    {
        var subject = InCulture(Japanese, () => text[key + ".subject"].Value);
        var body = new StringBuilder()
            .Append(InCulture(Japanese, () => text["mail.english"].Value)).Append("\n\n")
            .Append(InCulture(Japanese, () => Body(key, link)))
            .Append("\n\n----------------------------------------\n\n")
            .Append(InCulture(English, () => Body(key, link)))
            .ToString();
        return sender.SendAsync(new EmailMessage(to, subject, body), ct);
    }

    private string Body(string key, string link) => new StringBuilder()
        .Append(text[key + ".subject"].Value).Append("\n\n")
        .Append(text[key + ".body", link].Value).Append("\n\n")
        .Append(text["account-mail.not-you"].Value).Append('\n')
        .Append(text["mail.auto", text["site.name"].Value].Value).Append('\n')
        .ToString();

    private string Url(string path) =>
        configuration["Matchboard:PublicUrl"] is { Length: > 0 } baseUrl ? baseUrl.TrimEnd('/') + path : path;

    private static string InCulture(CultureInfo culture, Func<string> write)
    {
        var (culture0, uiCulture0) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            return write();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture0, uiCulture0);
        }
    }
}
