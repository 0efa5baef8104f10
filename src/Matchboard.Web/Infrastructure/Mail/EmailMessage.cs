namespace Matchboard.Web.Infrastructure.Mail;

/// <summary>One plain-text mail to one person. The sender adds From and Date.</summary>
public sealed record EmailMessage(string To, string Subject, string Body);
