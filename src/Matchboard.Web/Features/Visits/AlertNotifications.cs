using Matchboard.Domain.Contracts;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Visits;

namespace Matchboard.Web.Features.Visits;

/// <summary>Who hears of an alert: the association's officers (urgent ones also by mail), both sides for a missed visit.</summary>
public static class AlertNotifications
{
    public static IEnumerable<Notification> Raised(Contract contract, VisitAlert alert, string title, DateTimeOffset now)
    {
        var urgent = alert.Severity == AlertSeverity.Urgent;
        if (alert.Reason == AlertReason.VisitMissed)
        {
            return new[] { contract.AssociationId, contract.ProviderId }.Select(party =>
                new Notification(party, NotificationType.VisitMissed, contract.TaskId, title, now, contractId: contract.Id, alertId: alert.Id));
        }

        return [new Notification(contract.AssociationId, NotificationType.VisitAlert, contract.TaskId, title, now, contractId: contract.Id, alertId: alert.Id, isUrgent: urgent)];
    }
}
