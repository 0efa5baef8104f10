using Matchboard.Domain.Notifications;

namespace Matchboard.Web.Features.Notifications;

/// <summary>The page a notification is about: its alert, else its contract, else its task. The list and the mail both link there.</summary>
public static class NotificationLinks
{
    public static string PathOf(Notification notification) =>
        notification.Type == NotificationType.SupportRequested ? "/Support/Requests"
        : notification.Type == NotificationType.SupportAnswered ? "/Support"
        : notification.AlertId is { } alertId ? $"/Alerts/{alertId}"
        : notification.ContractId is { } contractId ? $"/Contracts/{contractId}"
        : $"/Tasks/{notification.TaskId}";
}
