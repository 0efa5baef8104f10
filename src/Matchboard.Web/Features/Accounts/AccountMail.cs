using Matchboard.Web.Infrastructure.Ui;
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
        var subject = UiCulture.In(UiCulture.Japanese, () => text[key + ".subject"].Value);
        var body = new StringBuilder()
            .Append(UiCulture.In(UiCulture.Japanese, () => text["mail.english"].Value)).Append("\n\n")
            .Append(UiCulture.In(UiCulture.Japanese, () => Body(key, link)))
            .Append("\n\n----------------------------------------\n\n")
            .Append(UiCulture.In(UiCulture.English, () => Body(key, link)))
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
}
