using System.Security.Claims;
using Matchboard.Domain;
using Matchboard.Domain.Matching;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Support;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Support;

/// <summary>
/// Associations find individual supporters near them and ask one for help with a task; the supporter answers.
/// Before acceptance an association knows a supporter only by ward and categories; after it, by name and contact.
/// A request is seen by its association and its supporter only: to anyone else it does not exist (404).
/// </summary>
public sealed class SupportService(MatchboardDbContext db, TimeProvider clock, NotificationOutbox outbox, MatchReferenceData reference)
{
    /// <summary>
    /// Verified supporters near the association: in its own ward or a neighbouring one (the matching's candidate wards,
    /// from the ward adjacency reference data), optionally only those offering a category.
    /// </summary>
    public async Task<IReadOnlyList<NearbySupporterDto>> ListNearbyAsync(string? category, ClaimsPrincipal user, CancellationToken ct)
    {
        if (category is not null && !Categories.IsKnown(category))
        {
            DomainException.ThrowIfAny([new FieldError("category", "unknown-category")]);
        }

        var ward = await AssociationWardAsync(user, ct);
        var supporters = Nearby(ward);
        if (category is not null)
        {
            supporters = supporters.Where(o => o.Categories.Contains(category));
        }

        var list = await supporters.OrderBy(o => o.Id).ToListAsync(ct);
        return list.Select(ToNearby).ToList();
    }

    public async Task<SentSupportRequestDto> SendAsync(SendSupportRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (request.SupporterId is null)
        {
            errors.Add(new FieldError("supporterId", "required"));
        }

        if (request.TaskId is null)
        {
            errors.Add(new FieldError("taskId", "required"));
        }

        DomainException.ThrowIfAny(errors);
        var me = user.RequiredOrganizationId();
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == request.TaskId, ct);
        if (task is null || (task.AssociationId != me && task.PublishedAt is null))
        {
            throw new ResourceNotFoundException("task.not-found");
        }

        if (task.AssociationId != me)
        {
            throw new ForbiddenAccessException("support.not-your-task");
        }

        // Near the task, as "Groups that fit" ranks supporters for it.
        var supporter = await Nearby(task.Ward).AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.SupporterId, ct)
            ?? throw new ResourceNotFoundException("supporter.not-found");
        if (await db.SupportRequests.AnyAsync(r => r.TaskId == task.Id && r.SupporterId == supporter.Id && r.Status == SupportRequestStatus.Open, ct))
        {
            throw new DomainException("support.already-requested");
        }

        var now = clock.GetUtcNow();
        var created = SupportRequest.Create(task, supporter, request.Message, now);
        db.SupportRequests.Add(created);
        outbox.Add(() => new Notification(supporter.Id, NotificationType.SupportRequested, task.Id, task.Title, now, path: "/Support/Requests"));
        await outbox.CommitAsync(ct);
        return await SentAsync(created.Id, me, ct);
    }

    /// <summary>An association's requests, or a supporter's; nobody else has any.</summary>
    public async Task<SupportRequestListDto> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.RequiredOrganizationId();
        switch (user.OrganizationKind())
        {
            case OrganizationKind.Association:
                var ids = await db.SupportRequests.Where(r => r.AssociationId == me).OrderByDescending(r => r.Id).Select(r => r.Id).ToListAsync(ct);
                return new SupportRequestListDto(await SentAsync(ids, ct), []);
            case OrganizationKind.Supporter:
                return new SupportRequestListDto([], await ReceivedAsync(me, ct));
            default:
                throw new ForbiddenAccessException();
        }
    }

    public async Task<SentSupportRequestDto> GetSentAsync(int id, ClaimsPrincipal user, CancellationToken ct) =>
        await SentAsync(id, user.RequiredOrganizationId(), ct);

    /// <summary>The association takes back a request the supporter has not answered.</summary>
    public async Task<SentSupportRequestDto> WithdrawAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.RequiredOrganizationId();
        var request = await db.SupportRequests.SingleOrDefaultAsync(r => r.Id == id && r.AssociationId == me, ct)
            ?? throw new ResourceNotFoundException("support.not-found");
        var now = clock.GetUtcNow();
        request.Withdraw(now);

        // The supporter may have been about to answer: its list and notices say the request is gone.
        var title = await db.Tasks.Where(t => t.Id == request.TaskId).Select(t => t.Title).SingleAsync(ct);
        outbox.Add(() => new Notification(request.SupporterId, NotificationType.SupportWithdrawn, request.TaskId, title, now, path: "/Support/Requests"));
        await outbox.CommitAsync(ct);
        return await SentAsync(id, me, ct);
    }

    /// <summary>The supporter accepts or declines; the association is told (<see cref="NotificationType.SupportAnswered"/>).</summary>
    public async Task<ReceivedSupportRequestDto> AnswerAsync(int id, bool accept, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.RequiredOrganizationId();
        var request = await db.SupportRequests.SingleOrDefaultAsync(r => r.Id == id && r.SupporterId == me, ct)
            ?? throw new ResourceNotFoundException("support.not-found");
        var now = clock.GetUtcNow();
        if (accept)
        {
            request.Accept(now);
        }
        else
        {
            request.Decline(now);
        }

        var title = await db.Tasks.Where(t => t.Id == request.TaskId).Select(t => t.Title).SingleAsync(ct);
        outbox.Add(() => new Notification(request.AssociationId, NotificationType.SupportAnswered, request.TaskId, title, now, path: "/Support"));
        await outbox.CommitAsync(ct);
        return (await ReceivedAsync(me, ct)).Single(r => r.Id == id);
    }

    private IQueryable<Organization> Nearby(string ward)
    {
        var wards = MatchScoring.CandidateWards([ward], reference).ToList();
        return db.Organizations.AsNoTracking().Where(SupportRequest.AvailableSupporters).Where(o => wards.Contains(o.Ward));
    }

    private async Task<string> AssociationWardAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.RequiredOrganizationId();
        return await db.Organizations.Where(o => o.Id == me).Select(o => o.Ward).SingleAsync(ct);
    }

    private static NearbySupporterDto ToNearby(Organization supporter) => new(supporter.Id, supporter.Ward, supporter.Categories.ToList());

    private async Task<SentSupportRequestDto> SentAsync(int id, int associationId, CancellationToken ct)
    {
        var exists = await db.SupportRequests.AnyAsync(r => r.Id == id && r.AssociationId == associationId, ct);
        return exists ? (await SentAsync([id], ct)).Single() : throw new ResourceNotFoundException("support.not-found");
    }

    private async Task<List<SentSupportRequestDto>> SentAsync(List<int> ids, CancellationToken ct)
    {
        var requests = await db.SupportRequests.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        var taskIds = requests.Select(r => r.TaskId).Distinct().ToList();
        var titles = await db.Tasks.Where(t => taskIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Title, ct);
        var supporterIds = requests.Select(r => r.SupporterId).Distinct().ToList();
        var supporters = await db.Organizations.AsNoTracking().Where(o => supporterIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);

        // Contacts are read only for the supporters who accepted: nothing else about the person leaves the database.
        var revealed = requests.Where(r => r.RevealsSupporter).Select(r => r.SupporterId).Distinct().ToList();
        var emails = (await db.Users.Where(u => revealed.Contains(u.OrganizationId)).OrderBy(u => u.Id)
                .Select(u => new { u.OrganizationId, u.Email }).ToListAsync(ct))
            .GroupBy(u => u.OrganizationId)
            .ToDictionary(g => g.Key, g => g.First().Email);

        return requests.OrderBy(r => ids.IndexOf(r.Id)).Select(r =>
        {
            var supporter = supporters[r.SupporterId];
            return new SentSupportRequestDto(
                r.Id,
                r.TaskId,
                titles[r.TaskId],
                r.Status,
                r.Message,
                r.RequestedAt,
                r.ClosedAt,
                ToNearby(supporter),
                r.RevealsSupporter ? Contact(supporter, emails.GetValueOrDefault(r.SupporterId)) : null);
        }).ToList();
    }

    private async Task<List<ReceivedSupportRequestDto>> ReceivedAsync(int supporterId, CancellationToken ct) =>
        await (from r in db.SupportRequests
               where r.SupporterId == supporterId
               join t in db.Tasks on r.TaskId equals t.Id
               join a in db.Organizations on r.AssociationId equals a.Id
               orderby r.Id descending
               select new ReceivedSupportRequestDto(r.Id, r.TaskId, t.Title, a.Name, t.Ward, t.Town, r.Status, r.Message, r.RequestedAt, r.ClosedAt))
            .ToListAsync(ct);

    private static SupporterContactDto Contact(Organization supporter, string? email) => new(supporter.Name, email, SupporterAvailability(supporter));

    private static string? SupporterAvailability(Organization supporter) => supporter.Availability;
}
