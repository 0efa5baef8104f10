using Matchboard.Web.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace Matchboard.Web.Features.Notifications;

public sealed class HubNotificationSender(IHubContext<MatchboardHub> hub) : INotificationSender
{
    public const string ClientMethod = "notification";

    public Task SendAsync(int organizationId, NotificationDto notification, CancellationToken cancellationToken) =>
        hub.Clients.Group(MatchboardHub.GroupFor(organizationId)).SendAsync(ClientMethod, notification, cancellationToken);
}
