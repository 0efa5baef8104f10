namespace Matchboard.Domain.Notifications;

/// <summary>
/// Something one organization should know about, stored before it is pushed so that nothing is lost to a
/// dropped connection. The id is the sequence: it only grows, so "everything after N" is exact.
/// </summary>
public class Notification
{
    private Notification()
    {
        Title = string.Empty;
    }

    public Notification(
        int organizationId,
        NotificationType type,
        int taskId,
        string title,
        DateTimeOffset occurredAt,
        int? bidId = null,
        int? contractId = null,
        int? alertId = null,
        bool isUrgent = false)
    {
        OrganizationId = organizationId;
        Type = type;
        TaskId = taskId;
        Title = title;
        OccurredAt = occurredAt;
        BidId = bidId;
        ContractId = contractId;
        AlertId = alertId;
        IsUrgent = isUrgent;
    }

    public long Sequence { get; private set; }

    public int OrganizationId { get; private set; }

    public NotificationType Type { get; private set; }

    public int TaskId { get; private set; }

    public int? BidId { get; private set; }

    public int? ContractId { get; private set; }

    /// <summary>The visit alert this is about, for the alert notifications.</summary>
    public int? AlertId { get; private set; }

    /// <summary>Someone must act now (an urgent visit alert, an escalation): it is also mailed to every user, whatever they chose.</summary>
    public bool IsUrgent { get; private set; }

    /// <summary>The task's title, so a notification reads on its own.</summary>
    public string Title { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public bool IsRead { get; private set; }

    /// <summary>
    /// The user whose request caused this (null for a sweep): their own page does not show them a live notice
    /// of what they just did, while the other members of their organization still get one.
    /// </summary>
    public string? ActorUserId { get; private set; }

    public void MarkRead() => IsRead = true;

    /// <summary>Records who acted; set once, by the outbox that writes the notification.</summary>
    public void AttributeTo(string? actorUserId) => ActorUserId ??= actorUserId;
}
