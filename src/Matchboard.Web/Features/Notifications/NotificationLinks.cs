using Matchboard.Domain.Notifications;

namespace Matchboard.Web.Features.Notifications;

/// <summary>
/// The page a notification is about: its own page when it names one (registration, verification, support
/// requests…), else its alert, else its contract, else its task, else the notification list. The list, the mail
/// and live.js's toast all link there (live.js repeats this order).
/// </summary>
public static class NotificationLinks
{
    public const string ListPath = "/Notifications";

    public static string PathOf(Notification notification) =>
        notification.Path is { } path ? path
        : notification.AlertId is { } alertId ? $"/Alerts/{alertId}"
        : notification.ContractId is { } contractId ? $"/Contracts/{contractId}"
        : notification.TaskId is { } taskId ? $"/Tasks/{taskId}"
        : ListPath;
}
