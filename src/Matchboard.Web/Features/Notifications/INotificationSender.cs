namespace Matchboard.Web.Features.Notifications;

/// <summary>Pushes stored notifications to whoever is connected. Called only after the change has committed.</summary>
public interface INotificationSender
{
    Task SendAsync(int organizationId, NotificationDto notification, CancellationToken cancellationToken);
}
