namespace Matchboard.Domain.Tasks;

/// <summary>
/// The posting association asked one civic group to bid on its task (招待). One per task and group; it promises
/// nothing: the group bids, or not, like any other, and the bids stay sealed the same way.
/// </summary>
public class TaskInvitation
{
    private TaskInvitation()
    {
    }

    internal TaskInvitation(int taskId, int organizationId, DateTimeOffset now)
    {
        TaskId = taskId;
        OrganizationId = organizationId;
        InvitedAt = now;
    }

    public int Id { get; private set; }

    public int TaskId { get; private set; }

    /// <summary>The invited civic group.</summary>
    public int OrganizationId { get; private set; }

    /// <summary>Read-only navigation for queries; never assigned by the domain.</summary>
    public Organizations.Organization? Organization { get; private set; }

    public DateTimeOffset InvitedAt { get; private set; }
}
