using Matchboard.Domain.Notifications;

namespace Matchboard.Web.Features.Notifications;

/// <summary>The page a notification is about: its alert, else its contract, else its task (else, for a notice about the organization itself, its profile). The list and the mail both link there.</summary>
public static class NotificationLinks
{
    public static string PathOf(Notification notification) =>
        notification.AlertId is { } alertId ? $"/Alerts/{alertId}"
        : notification.ContractId is { } contractId ? $"/Contracts/{contractId}"
        : notification.TaskId == 0 ? "/Organizations/Profile"
        : $"/Tasks/{notification.TaskId}";
}
