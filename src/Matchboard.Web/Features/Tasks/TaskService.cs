using System.Security.Claims;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using Matchboard.Domain;
using Matchboard.Domain.Bids;
using Matchboard.Domain.Matching;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Tasks;

public sealed class TaskService(
    MatchboardDbContext db,
    IMapper mapper,
    TimeProvider clock,
    NotificationOutbox outbox,
    IServiceScopeFactory scopes,
    Infrastructure.Idempotency.IRequestTransaction requestTransaction,
    TaskInvitationService invitations,
    Matching.TaskPostedAudience audience)
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    /// <summary>Far beyond any real board; keeps the offset from overflowing on a hostile page number.</summary>
    public const int MaxPage = 100_000;

    public async Task<PagedResult<TaskSummaryDto>> ListAsync(TaskQuery query, ClaimsPrincipal user, CancellationToken ct)
    {
        DomainException.ThrowIfAny(ValidateQuery(query));
        var now = clock.GetUtcNow();
        var organizationId = user.OrganizationId();
        var kind = user.OrganizationKind();
        var tasks = db.Tasks.AsNoTracking();

        var status = query.Status;
        if (query.Mine == true && kind == OrganizationKind.Association)
        {
            tasks = tasks.Where(t => t.AssociationId == organizationId);
        }
        else if (query.Mine == true && kind == OrganizationKind.CivicGroup)
        {
            tasks = tasks.Where(t => t.Bids.Any(b => b.GroupId == organizationId));
        }
        else
        {
            // The board: never drafts, and anonymous visitors see only what is open.
            tasks = tasks.Where(TaskAccess.EverPublished);
            status = organizationId is null ? CommunityTaskStatus.Open : status ?? CommunityTaskStatus.Open;
        }

        if (query.Matching == true && kind == OrganizationKind.CivicGroup)
        {
            var group = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organizationId, ct);
            tasks = tasks.Where(TaskMatcher.TasksFor(group, JapanTime.DateOf(now)));
        }

        if (status is { } wanted)
        {
            tasks = tasks.Where(TaskDeadline.HasEffectiveStatus(wanted, now));
        }

        tasks = tasks.Filtered(query, now);

        var page = Math.Clamp(query.Page ?? 1, 1, MaxPage);
        var pageSize = Math.Clamp(query.PageSize ?? DefaultPageSize, 1, MaxPageSize);
        var total = await tasks.CountAsync(ct);
        var ordered = status == CommunityTaskStatus.Open
            ? tasks.OrderBy(t => t.BidDeadline).ThenBy(t => t.Id)
            : tasks.OrderByDescending(t => t.Id);
        var items = await ordered
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ProjectTo<TaskSummaryDto>(mapper.ConfigurationProvider)
            .ToListAsync(ct);
        return new PagedResult<TaskSummaryDto>(items, total, page, pageSize);
    }

    /// <summary>A task page as this viewer may see it: sealed bid data only for the posting association.</summary>
    public async Task<TaskDetailDto> GetAsync(int taskId, ClaimsPrincipal user, CancellationToken ct)
    {
        var organizationId = user.OrganizationId();
        var task = await LoadForViewAsync(taskId, organizationId, ct);
        var isOwner = task.AssociationId == organizationId;
        if (isOwner && BidDisclosure.IsDueToOpen(task, clock.GetUtcNow()) && await OpenDueBidsAsync(taskId, ct))
        {
            task = await LoadForViewAsync(taskId, organizationId, ct);
        }

        var isAwarded = task.Status == CommunityTaskStatus.Awarded;
        var bidCount = isOwner || isAwarded
            ? await db.Bids.CountAsync(b => b.TaskId == taskId && BidStatuses.Received.Contains(b.Status), ct)
            : (int?)null;

        return mapper.Map<TaskDetailDto>(task) with
        {
            AcceptingBids = task.IsAcceptingBids(clock.GetUtcNow()),
            BidCount = bidCount,
            BidsOpenedAt = isOwner ? task.BidsOpenedAt : null,
            Award = isAwarded ? await LoadAwardAsync(task, ct) : null,
            Invited = organizationId is { } viewer && !isOwner && await invitations.IsInvitedAsync(taskId, viewer, ct),
            Invitations = isOwner ? await invitations.InvitedAsync(taskId, ct) : null,
            Questions = task.Questions
                .Where(q => isOwner || q.IsAnswered || q.GroupId == organizationId)
                .OrderBy(q => q.AskedAt)
                .Select(q => mapper.Map<QuestionDto>(q) with
                {
                    AskedBy = isOwner ? q.Group?.Name : null,
                    AskedByUs = q.GroupId == organizationId,
                })
                .ToList(),
        };
    }

    /// <summary>
    /// The association's first read after the deadline opens its bids, if the deadline sweep has not yet: through the
    /// domain's <see cref="CommunityTask.Close"/>, saved against the task's version, so that the opening is stored
    /// (and audited) exactly once whichever comes first. A concurrency conflict means someone else (the sweep, another
    /// read, an award) changed the task first: the caller reloads and sees what they stored.
    /// Returns whether the caller should reload (false: nothing was tried, and the bids stay sealed for this response).
    /// </summary>
    public async Task<bool> OpenDueBidsAsync(int taskId, CancellationToken ct)
    {
        // Inside a request-wide transaction (an idempotent form) a second connection's write would wait on it; the
        // bids then stay sealed for this one response, and the next read (or the sweep) opens them.
        if (requestTransaction.IsOpen)
        {
            return false;
        }

        // A scope of its own, as the sweep does: nothing the request has loaded or changed is saved with the opening.
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        try
        {
            await DeadlineSweep.CloseAsync(own, taskId, clock.GetUtcNow(), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else opened (or otherwise changed) the task between our read and our write: reload.
        }

        return true;
    }

    private async Task<CommunityTask> LoadForViewAsync(int taskId, int? organizationId, CancellationToken ct) =>
        await db.Tasks.AsNoTracking()
            .VisibleTo(organizationId)
            .Include(t => t.Association)
            .Include(t => t.Questions).ThenInclude(q => q.Group)
            .AsSplitQuery()
            .SingleOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw new Infrastructure.ResourceNotFoundException("task.not-found");

    public async Task<TaskDetailDto> CreateAsync(CreateTaskRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var associationId = user.RequiredOrganizationId();
        var association = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == associationId, ct);
        var now = clock.GetUtcNow();
        var task = CommunityTask.Draft(associationId, ToDetails(request, association, now), now);
        db.Tasks.Add(task);
        if (request.Publish)
        {
            VerificationRights.EnsureMayPublish(association);
            task.Publish(now);
            await AnnounceAsync(task, now, ct);
        }

        await outbox.CommitAsync(ct);
        return await GetAsync(task.Id, user, ct);
    }

    /// <summary>
    /// Rewrites the caller's own task (a draft, or one still taking bids). Every live bidder of a published
    /// task is told (TaskChanged); what changed is in the task's history.
    /// </summary>
    public async Task<TaskDetailDto> EditAsync(int taskId, TaskRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var associationId = user.RequiredOrganizationId();
        var task = await db.LoadOwnAsync(taskId, associationId, ct);
        var association = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == associationId, ct);
        var now = clock.GetUtcNow();
        var changes = task.Edit(ToDetails(request, association, now), now);
        if (changes.Count > 0)
        {
            var bidders = task.Bids.Where(b => b.IsLive).Select(b => b.GroupId).Distinct().ToList();
            outbox.Add(() => bidders.Select(groupId =>
                new Notification(groupId, NotificationType.TaskChanged, task.Id, task.Title, now)));
        }

        await outbox.CommitAsync(ct);
        return await GetAsync(task.Id, user, ct);
    }

    /// <summary>The edit as it would be saved (field, old → new) and how many live bidders it would ask to confirm; saves nothing.</summary>
    public async Task<TaskEditPreview> PreviewEditAsync(int taskId, TaskRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var associationId = user.RequiredOrganizationId();
        var task = await db.LoadOwnAsync(taskId, associationId, ct);
        var association = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == associationId, ct);
        var now = clock.GetUtcNow();
        var differences = task.PreviewEdit(ToDetails(request, association, now), now);
        var changes = new TaskChangeDto
        {
            Revision = task.Revision + 1,
            ChangedAt = now,
            ChangesTerms = differences.Any(d => d.ChangesTerms),
            Fields = differences.Select(d => new TaskFieldChangeDto(d.Field, d.OldValue, d.NewValue, d.ChangesTerms)).ToList(),
        };
        return new TaskEditPreview(changes, task.Bids.Count(b => b.IsLive));
    }

    /// <summary>A task's edits since publishing, newest first: public wherever the task is.</summary>
    public async Task<IReadOnlyList<TaskChangeDto>> HistoryAsync(int taskId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await db.Tasks.AsNoTracking().VisibleTo(user.OrganizationId()).AnyAsync(t => t.Id == taskId, ct))
        {
            throw new Infrastructure.ResourceNotFoundException("task.not-found");
        }

        var lines = await db.TaskChanges.AsNoTracking()
            .Where(c => c.TaskId == taskId)
            .OrderByDescending(c => c.Revision).ThenBy(c => c.Id)
            .ToListAsync(ct);
        return lines
            .GroupBy(c => c.Revision)
            .Select(edit => new TaskChangeDto
            {
                Revision = edit.Key,
                ChangedAt = edit.First().ChangedAt,
                ChangesTerms = edit.Any(c => c.ChangesTerms),
                Fields = edit.Select(c => new TaskFieldChangeDto(c.Field, c.OldValue, c.NewValue, c.ChangesTerms)).ToList(),
            })
            .ToList();
    }

    public async Task<TaskDetailDto> PublishAsync(int taskId, ClaimsPrincipal user, CancellationToken ct)
    {
        var task = await db.LoadOwnAsync(taskId, user.RequiredOrganizationId(), ct);
        VerificationRights.EnsureMayPublish(await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == task.AssociationId, ct));
        var now = clock.GetUtcNow();
        task.Publish(now);
        await AnnounceAsync(task, now, ct);
        await outbox.CommitAsync(ct);
        return await GetAsync(task.Id, user, ct);
    }

    public async Task<TaskDetailDto> CancelAsync(int taskId, ClaimsPrincipal user, CancellationToken ct)
    {
        var task = await db.LoadOwnAsync(taskId, user.RequiredOrganizationId(), ct);
        var now = clock.GetUtcNow();
        var bidders = task.Bids.Where(b => b.IsLive).Select(b => b.GroupId).ToList();
        task.Cancel(now);
        outbox.Add(() => bidders.Select(groupId =>
            new Notification(groupId, NotificationType.TaskCancelled, task.Id, task.Title, now)));
        await outbox.CommitAsync(ct);
        return await GetAsync(task.Id, user, ct);
    }

    /// <summary>TaskPosted goes to the groups <see cref="Matching.TaskPostedAudience"/> chooses, with their match, and to no one else.</summary>
    private async Task AnnounceAsync(CommunityTask task, DateTimeOffset now, CancellationToken ct)
    {
        var recipients = await audience.ForAsync(task, ct);
        outbox.Add(() => recipients.Select(r =>
            new Notification(r.GroupId, NotificationType.TaskPosted, task.Id, task.Title, now, match: r.Match)));
    }

    private async Task<AwardDto?> LoadAwardAsync(CommunityTask task, CancellationToken ct)
    {
        var award = await db.Bids.AsNoTracking()
            .Where(b => b.Id == task.AwardedBidId)
            .Select(b => new { b.Id, b.GroupId, GroupName = b.Group!.Name, b.AmountYen })
            .SingleOrDefaultAsync(ct);
        if (award is null)
        {
            return null;
        }

        // A withdrawn award leaves its contract behind; the current award's contract is the one for its bid.
        var contractId = await db.Contracts.Where(c => c.TaskId == task.Id && c.BidId == task.AwardedBidId).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
        return new AwardDto
        {
            BidId = award.Id,
            GroupId = award.GroupId,
            GroupName = award.GroupName,
            AmountYen = award.AmountYen,
            Rationale = task.AwardRationale ?? string.Empty,
            AwardedAt = task.AwardedAt ?? default,
            ContractId = contractId,
        };
    }

    /// <summary>Reports every missing field at once, together with the domain's own checks.</summary>
    private static TaskDetails ToDetails(TaskRequest request, Organization association, DateTimeOffset now)
    {
        var required = new Infrastructure.RequiredFields();
        var deadline = required.Value(request.BidDeadline, "bidDeadline", now.AddDays(7));
        var start = required.Value(request.StartDate, "startDate", JapanTime.DateOf(deadline));
        var end = required.Value(request.EndDate, "endDate", start);
        var weekdays = WeekdaySet.Of(request.VisitWeekdays);
        var details = new TaskDetails(
            request.Title ?? string.Empty,
            request.Description ?? string.Empty,
            request.Category ?? string.Empty,
            string.IsNullOrWhiteSpace(request.Ward) ? association.Ward : request.Ward,
            string.IsNullOrWhiteSpace(request.Town) ? association.Town : request.Town,
            start,
            end,
            // Counted only over a period the domain can accept; otherwise it reports the dates, not a count.
            request.VisitsPlanned ?? (DateBounds.Contains(start) && DateBounds.Contains(end) && end.DayNumber - start.DayNumber <= DateBounds.LongestPeriodDays
                ? weekdays.CountBetween(start, end)
                : 0),
            request.IsVolunteer,
            required.Value(request.FeeYen, "feeYen", 0L),
            deadline,
            request.CertificationRequired,
            request.InsuranceRequired,
            request.HouseholdsServed ?? 0,
            weekdays);
        required.ThrowIfAny(details.Validate(now));
        return details;
    }

    private static List<FieldError> ValidateQuery(TaskQuery query)
    {
        var errors = new List<FieldError>();
        // A query string binds any number to an enum: only the named states are a filter.
        if (query.Status is { } status && !Enum.IsDefined(status))
        {
            errors.Add(new FieldError("status", "unknown-value"));
        }

        if (query.Category is not null && !Categories.IsKnown(query.Category))
        {
            errors.Add(new FieldError("category", "unknown-category"));
        }

        if (query.Ward is not null && !Wards.IsKnown(query.Ward))
        {
            errors.Add(new FieldError("ward", "unknown-ward"));
        }

        if (query.DeadlineWithinDays is < 1 or > 366)
        {
            errors.Add(new FieldError("deadlineWithinDays", "out-of-range"));
        }

        return errors;
    }
}
