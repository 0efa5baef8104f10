namespace Matchboard.Domain.Notifications;

/// <summary>
/// The last notification sequence given to one organization. A writer advances it with one database statement
/// inside its own transaction, so the row stays locked until that transaction commits or rolls back: the next writer
/// for the organization waits, and numbers therefore follow commit order without gaps (never MAX + 1, which two
/// writers could both read). A client that has seen 1..N and asks for "after N" can miss nothing.
/// </summary>
public class NotificationCounter
{
    private NotificationCounter()
    {
    }

    public NotificationCounter(int organizationId)
    {
        OrganizationId = organizationId;
    }

    public int OrganizationId { get; private set; }

    /// <summary>The highest sequence given so far (0: none yet).</summary>
    public long Last { get; private set; }
}
