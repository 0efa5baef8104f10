using System.Security.Claims;
using Matchboard.Domain;
using Matchboard.Domain.Matching;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
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

    /// <summary>
    /// The groups the task is for (<see cref="TaskMatcher"/>, the rule of the TaskPosted push) that are not invited yet,
    /// by name. The database narrows by category and ward; the matcher decides. A ranked "groups that fit" list
    /// replaces this once the scoring exists.
    /// </summary>
    public async Task<IReadOnlyList<InvitableGroupDto>> InvitableAsync(int taskId, ClaimsPrincipal user, CancellationToken ct)
    {
        var associationId = user.RequiredOrganizationId();
        var task = await db.Tasks.AsNoTracking().VisibleTo(associationId).SingleOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw new ResourceNotFoundException("task.not-found");
        if (task.AssociationId != associationId)
        {
            throw new ForbiddenAccessException("task.not-yours");
        }

        var today = JapanTime.DateOf(clock.GetUtcNow());
        var invited = await db.TaskInvitations.Where(i => i.TaskId == task.Id).Select(i => i.OrganizationId).ToListAsync(ct);
        var candidates = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.CivicGroup && o.Categories.Contains(task.Category) && o.WardsServed.Contains(task.Ward))
            .ToListAsync(ct);
        return candidates
            .Where(g => !invited.Contains(g.Id) && TaskMatcher.Matches(g, task, today))
            .OrderBy(g => g.Name, StringComparer.Ordinal).ThenBy(g => g.Id)
            .Select(g => new InvitableGroupDto(g.Id, g.Name, g.Ward))
            .ToList();
    }
}
