namespace Matchboard.Web.Infrastructure.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Registers the one <see cref="IEmailSender"/>: SMTP when <c>Smtp:Host</c> is set outside Development,
    /// otherwise the mail-drop folder, so that no developer machine ever mails a real person.
    /// </summary>
    public static IServiceCollection AddMatchboardMail(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<SmtpSettings>(configuration.GetSection(SmtpSettings.Section));
        services.AddSingleton(MailDropFolder.From(configuration, environment.ContentRootPath));
        if (!environment.IsDevelopment() && !string.IsNullOrWhiteSpace(configuration[$"{SmtpSettings.Section}:Host"]))
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, MailDropSender>();
        }

        return services;
    }
}
