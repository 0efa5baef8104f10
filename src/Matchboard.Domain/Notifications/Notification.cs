namespace Matchboard.Domain.Notifications;

/// <summary>
/// Something one organization should know about, stored before it is pushed so that nothing is lost to a
/// dropped connection. Its <see cref="Sequence"/> numbers the organization's notifications 1, 2, 3… in the order
/// their transactions commit, with no gaps, so "everything after N" is exact (see <see cref="NotificationCounter"/>).
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
        int? taskId,
        string title,
        DateTimeOffset occurredAt,
        int? bidId = null,
        int? contractId = null,
        int? alertId = null,
        bool isUrgent = false,
        string? path = null,
        NotificationMatch? match = null)
    {
        if (path is not null && (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Length > PathMaxLength))
        {
            // A bug in the writer (an absolute or foreign link), not something a user did.
            throw new ArgumentException("A notification's own page is a local path.", nameof(path));
        }

        OrganizationId = organizationId;
        Type = type;
        TaskId = taskId;
        Title = title;
        OccurredAt = occurredAt;
        BidId = bidId;
        ContractId = contractId;
        AlertId = alertId;
        IsUrgent = isUrgent;
        Path = path;
        Match = match;
    }

    public const int PathMaxLength = 200;

    /// <summary>A surrogate key with no meaning: the order that counts is <see cref="Sequence"/>.</summary>
    public long Id { get; private set; }

    /// <summary>
    /// This notification's place among its organization's notifications (1, 2, 3…), given inside the writing
    /// transaction from the organization's counter; 0 until then.
    /// </summary>
    public long Sequence { get; private set; }

    public int OrganizationId { get; private set; }

    public NotificationType Type { get; private set; }

    /// <summary>The task this is about; null for notifications not about a task (registration, verification, certification, support requests).</summary>
    public int? TaskId { get; private set; }

    /// <summary>
    /// The local page this notification is about when it is not a task's, contract's or alert's (e.g. the
    /// organization's page for city staff on <c>RegistrationReceived</c>). See NotificationLinks.
    /// </summary>
    public string? Path { get; private set; }

    public int? BidId { get; private set; }

    public int? ContractId { get; private set; }

    /// <summary>The visit alert this is about, for the alert notifications.</summary>
    public int? AlertId { get; private set; }

    /// <summary>Someone must act now (an urgent visit alert, an escalation): it is also mailed to every user, whatever they chose.</summary>
    public bool IsUrgent { get; private set; }

    /// <summary>The task's title (or the organization's name, …), so a notification reads on its own.</summary>
    public string Title { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>For a TaskPosted: the task's score for this organization and its top reasons, as pushed; null otherwise.</summary>
    public NotificationMatch? Match { get; private set; }

    public bool IsRead { get; private set; }

    /// <summary>
    /// The user whose request caused this (null for a sweep): their own page does not show them a live notice
    /// of what they just did, while the other members of their organization still get one.
    /// </summary>
    public string? ActorUserId { get; private set; }

    public void MarkRead() => IsRead = true;

    /// <summary>
    /// Gives the notification its sequence, once. Numbering twice would mean two counters were taken for one row:
    /// a bug in the writer, not something a user did, hence no <see cref="DomainException"/>.
    /// </summary>
    public void Number(long sequence)
    {
        if (sequence < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "Sequences start at 1.");
        }

        if (Sequence != 0)
        {
            throw new InvalidOperationException($"Notification already numbered {Sequence}.");
        }

        Sequence = sequence;
    }

    /// <summary>Records who acted; set once, by the outbox that writes the notification.</summary>
    public void AttributeTo(string? actorUserId) => ActorUserId ??= actorUserId;
}
