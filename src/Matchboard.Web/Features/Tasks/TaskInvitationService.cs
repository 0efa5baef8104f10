using System.Security.Claims;
using Matchboard.Domain;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Tasks;

/// <summary>The posting association invites groups to bid on its task; the invited group is told at once.</summary>
public sealed class TaskInvitationService(MatchboardDbContext db, TimeProvider clock, NotificationOutbox outbox)
{
    public async Task<TaskInvitationDto> InviteAsync(int taskId, InviteGroupRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var associationId = user.RequiredOrganizationId();
        DomainException.ThrowIfAny(request.OrganizationId is null ? [new FieldError("organizationId", "required")] : []);
        var groupId = request.OrganizationId!.Value;

        // Invitations to two different groups at once do not contradict each other (ConcurrencyRetry); the same
        // invitation twice at once makes one: the loser's retry finds it and is refused with invitation.already-sent.
        return await db.RetryOnConflictAsync(async () =>
        {
            var task = await db.LoadOwnAsync(taskId, associationId, ct);
            await db.Entry(task).Collection(t => t.Invitations).LoadAsync(ct);
            var group = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == groupId, ct)
                ?? throw new ResourceNotFoundException("organization.not-found");
            var now = clock.GetUtcNow();
            var invitation = task.Invite(group, now);
            outbox.Add(() => new Notification(group.Id, NotificationType.TaskInvited, task.Id, task.Title, now));
            await outbox.CommitAsync(ct);
            return new TaskInvitationDto { OrganizationId = group.Id, OrganizationName = group.Name, InvitedAt = invitation.InvitedAt };
        });
    }

    /// <summary>Whom the association invited, oldest first. Only for the posting association (the caller checks).</summary>
    public async Task<IReadOnlyList<TaskInvitationDto>> InvitedAsync(int taskId, CancellationToken ct) =>
        await db.TaskInvitations.AsNoTracking()
            .Where(i => i.TaskId == taskId)
            .OrderBy(i => i.InvitedAt).ThenBy(i => i.Id)
            .Select(i => new TaskInvitationDto { OrganizationId = i.OrganizationId, OrganizationName = i.Organization!.Name, InvitedAt = i.InvitedAt })
            .ToListAsync(ct);

    public Task<bool> IsInvitedAsync(int taskId, int organizationId, CancellationToken ct) =>
        db.TaskInvitations.AnyAsync(i => i.TaskId == taskId && i.OrganizationId == organizationId, ct);
}
