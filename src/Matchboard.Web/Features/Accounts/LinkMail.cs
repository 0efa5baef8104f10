using Matchboard.Web.Infrastructure.Ui;
using Matchboard.Web.Infrastructure.Mail;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Accounts;

/// <summary>
/// Mail about an account (an invitation, a recovery link): Japanese first, the same in English below, whatever the
/// language of the request that caused it. Links are absolute: <c>Matchboard:PublicUrl</c>, else the request's own origin.
/// </summary>
public sealed class LinkMail(
    IEmailSender sender, IStringLocalizer<UiText> text, IConfiguration configuration, IHttpContextAccessor http, ILogger<LinkMail> logger)
{

    public string Link(string pathAndQuery)
    {
        var site = configuration["Matchboard:PublicUrl"] is { Length: > 0 } configured
            ? configured
            : http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}" : "http://localhost:5080";
        return site.TrimEnd('/') + pathAndQuery;
    }

    /// <summary>Sends after the change has committed; a failed mail is logged and does not undo it (the sender can send again).</summary>
    public async Task SendAsync(string to, string key, object[] arguments, CancellationToken ct)
    {
        var subject = UiCulture.In(UiCulture.Japanese, () => text[$"{key}.subject", arguments].Value);
        var body = UiCulture.In(UiCulture.Japanese, () => text[$"{key}.body", arguments].Value)
            + "\n\n----------------------------------------\n\n"
            + UiCulture.In(UiCulture.English, () => text[$"{key}.body", arguments].Value) + "\n";
        try
        {
            await sender.SendAsync(new EmailMessage(to, subject, body), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Account mail {Key} failed", key);
        }
    }
}
