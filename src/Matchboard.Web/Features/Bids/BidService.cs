using System.Security.Claims;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using Matchboard.Domain;
using Matchboard.Domain.Bids;
using Matchboard.Domain.Matching;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Matching;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Infrastructure;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Bids;

public sealed class BidService(
    MatchboardDbContext db,
    IMapper mapper,
    TimeProvider clock,
    NotificationOutbox outbox,
    IStringLocalizer<Messages> messages,
    TaskService tasks,
    Organizations.InsuranceService capacity,
    BidScoring scoring,
    BidComparisonCache comparisons,
    UiFormat ui)
{
    /// <summary>
    /// The confirmation step: the bid as it would be sent, refused for exactly what sending it would refuse,
    /// with the warnings the group may go past. Changes nothing.
    /// </summary>
    public async Task<BidPreviewDto> PreviewAsync(int taskId, BidRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var groupId = user.RequiredOrganizationId();
        var task = await db.LoadAsync(taskId, groupId, ct);
        var group = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == groupId, ct);
        var now = clock.GetUtcNow();
        var terms = ToTerms(request, task, now);
        var occupying = (await capacity.OccupyingContractsAsync([groupId], ct)).GetValueOrDefault(groupId);
        var warnings = task.CheckBid(group, terms, now, occupying);
        return new BidPreviewDto
        {
            AmountYen = terms.AmountYen,
            Proposal = terms.Proposal.Trim(),
            StaffPlanned = terms.StaffPlanned,
            EarliestStart = terms.EarliestStart,
            IsRevision = task.LiveBidOf(groupId) is not null,
            Warnings = warnings.Select(w => new BidWarningDto(w.Field, w.Code, messages[$"warning.{w.Code}", occupying, w.Limit ?? 0])).ToList(),
        };
    }

    /// <remarks>Another group's bid on the same task at the same moment is no reason to refuse ours (<see cref="ConcurrencyRetry"/>).</remarks>
    public async Task<BidDto> PlaceAsync(int taskId, BidRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var groupId = user.RequiredOrganizationId();
        var bidId = await db.RetryOnConflictAsync(async () =>
        {
            var task = await db.LoadAsync(taskId, groupId, ct);
            var group = await db.Organizations.SingleAsync(o => o.Id == groupId, ct);
            db.DependsOn(group);
            var now = clock.GetUtcNow();
            var bid = task.PlaceBid(group, ToTerms(request, task, now), now);
            Announce(task, bid, NotificationType.BidPlaced, now);
            await outbox.CommitAsync(ct);
            return bid.Id;
        });
        return await GetAsync(bidId, ct);
    }

    public async Task<BidDto> ReviseAsync(int taskId, BidRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var groupId = user.RequiredOrganizationId();
        var bidId = await db.RetryOnConflictAsync(async () =>
        {
            var task = await db.LoadAsync(taskId, groupId, ct);
            var now = clock.GetUtcNow();
            var bid = task.ReviseBid(groupId, ToTerms(request, task, now), now);
            Announce(task, bid, NotificationType.BidRevised, now);
            await outbox.CommitAsync(ct);
            return bid.Id;
        });
        return await GetAsync(bidId, ct);
    }

    /// <summary>Our bid, made before the task changed, stands for the current terms as it is.</summary>
    public async Task<BidDto> ConfirmAsync(int taskId, ClaimsPrincipal user, CancellationToken ct)
    {
        var groupId = user.RequiredOrganizationId();
        var task = await db.LoadAsync(taskId, groupId, ct);
        var now = clock.GetUtcNow();
        var bid = task.ConfirmBid(groupId, now);

        // The association's comparison drops the 「変更前の内容への提案」 mark live on this notice.
        Announce(task, bid, NotificationType.BidConfirmed, now);
        await outbox.CommitAsync(ct);
        return await GetAsync(bid.Id, ct);
    }

    public async Task WithdrawAsync(int taskId, ClaimsPrincipal user, CancellationToken ct)
    {
        var groupId = user.RequiredOrganizationId();
        await db.RetryOnConflictAsync(async () =>
        {
            var task = await db.LoadAsync(taskId, groupId, ct);
            var now = clock.GetUtcNow();
            var bid = task.WithdrawBid(groupId, now);
            Announce(task, bid, NotificationType.BidWithdrawn, now);
            await outbox.CommitAsync(ct);
        });
    }

    /// <summary>The caller's own latest bid on the task: a group sees no other.</summary>
    public async Task<BidDto> GetMineAsync(int taskId, ClaimsPrincipal user, CancellationToken ct)
    {
        var groupId = user.RequiredOrganizationId();
        await EnsureVisibleAsync(taskId, groupId, ct);
        return await db.Bids.AsNoTracking()
            .Where(b => b.TaskId == taskId && b.GroupId == groupId)
            .OrderByDescending(b => b.Id)
            .ProjectTo<BidDto>(mapper.ConfigurationProvider)
            .FirstOrDefaultAsync(ct)
            ?? throw new ResourceNotFoundException("bid.not-found");
    }

    /// <summary>
    /// A task's bids, for the association that posted it and no one else; and for it too only once they are open
    /// (<see cref="BidDisclosure"/>): until the deadline it learns how many have arrived, nothing more. Its first read
    /// after the deadline opens them, if the sweep has not yet. Open, each bid carries its score and reasons by the
    /// published rubric and any fairness flag (<see cref="BidScoring"/>), in the order asked for (<see cref="BidSort"/>).
    /// </summary>
    public async Task<TaskBidsDto> ListForTaskAsync(int taskId, string? sort, ClaimsPrincipal user, CancellationToken ct) =>
        (await ComparisonAsync(taskId, sort, user, ct)).Bids;

    /// <summary>
    /// <see cref="ListForTaskAsync"/> with each bidding group's completed contracts (its track record), as the task's
    /// page shows them. Once open, the comparison is kept per state of everything it is computed from
    /// (<see cref="BidComparisonCache"/>): the checks above run on every request, the scoring only when something changed.
    /// </summary>
    public async Task<BidComparison> ComparisonAsync(int taskId, string? sort, ClaimsPrincipal user, CancellationToken ct)
    {
        // Before anything else: a refused request must not be the read that opens the bids.
        if (!BidSort.IsKnown(sort))
        {
            DomainException.ThrowIfAny([new FieldError("sort", "unknown-sort")]);
        }

        var associationId = user.RequiredOrganizationId();
        var task = await LoadSealAsync(taskId, associationId, ct);
        if (task.AssociationId != associationId)
        {
            throw new ForbiddenAccessException("bid.sealed");
        }

        if (BidDisclosure.IsDueToOpen(task, clock.GetUtcNow()) && await tasks.OpenDueBidsAsync(taskId, ct))
        {
            task = await LoadSealAsync(taskId, associationId, ct);
        }

        if (!BidDisclosure.IsOpenToAssociation(task))
        {
            var received = await db.Bids.CountAsync(b => b.TaskId == taskId && BidStatuses.Received.Contains(b.Status), ct);
            return new BidComparison(new TaskBidsDto { BidDeadline = task.BidDeadline, Count = received, Bids = [] }, new Dictionary<int, int>());
        }

        var order = sort ?? BidSort.Score;
        return await comparisons.GetOrCreateAsync(db, taskId, order, async () =>
        {
            var count = await db.Bids.CountAsync(b => b.TaskId == taskId && BidStatuses.Received.Contains(b.Status), ct);
            var bids = await db.Bids.AsNoTracking()
                .Where(b => b.TaskId == taskId)
                .OrderBy(b => b.AmountYen).ThenBy(b => b.SubmittedAt)
                .ProjectTo<BidDto>(mapper.ConfigurationProvider)
                .ToListAsync(ct);
            var scored = await WithScoresAsync(task, bids, ct);
            var groupIds = bids.Select(b => b.GroupId).Distinct().ToList();
            var trackRecord = await db.Contracts.AsNoTracking()
                .Where(c => groupIds.Contains(c.ProviderId) && c.Status == Domain.Contracts.ContractStatus.Completed)
                .GroupBy(c => c.ProviderId)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            var list = new TaskBidsDto
            {
                BidDeadline = task.BidDeadline,
                OpenedAt = task.BidsOpenedAt,
                Count = count,
                Sort = order,
                Bids = order == BidSort.Amount ? scored : RankByScore(scored),
            };
            return new BidComparison(list, trackRecord);
        }, ct);
    }

    /// <summary>
    /// Each bid's score, reasons and fairness flags in the reader's language (the opened comparison), and its group's load
    /// now (bound contracts against capacity), which the scoring has already read.
    /// </summary>
    private async Task<List<BidDto>> WithScoresAsync(CommunityTask task, List<BidDto> bids, CancellationToken ct)
    {
        var scores = await scoring.ScoreAsync(task, bids.Select(b => new BidToScore(b.Id, b.GroupId, b.AmountYen, b.EarliestStart)).ToList(), ct);
        return bids.Select(b =>
        {
            var scored = scores[b.Id];
            return b with
            {
                Score = scored.Score.Total,
                MeetsRequirements = scored.Score.MeetsRequirements,
                Reasons = MatchExplanations.Explain(scored.Score, ui),
                Flags = scored.ShareOfAwards is { } flag ? [MatchExplanations.Explain(flag, ui)] : [],
                GroupActiveContracts = scored.ActiveContracts,
                GroupCapacity = scored.Capacity,
                GroupAtCapacity = scored.AtCapacity,
            };
        }).ToList();
    }

    /// <summary>
    /// The rubric's published order (<see cref="MatchRanking"/>) among the bids still in the running or chosen, then
    /// the same order among those out of it (withdrawn, rejected, award taken back): they stay listed, scored, below.
    /// </summary>
    private static List<BidDto> RankByScore(List<BidDto> bids)
    {
        static bool InRunning(BidDto b) => BidStatuses.IsLive(b.Status) || b.Status == BidStatus.Accepted;
        MatchScore ScoreOf(BidDto b) => new(b.Score ?? 0, b.MeetsRequirements ?? false, []);
        return
        [
            .. MatchRanking.Rank(bids.Where(InRunning), b => b.Id, ScoreOf),
            .. MatchRanking.Rank(bids.Where(b => !InRunning(b)), b => b.Id, ScoreOf),
        ];
    }

    /// <summary>The task as far as the seal goes (whose it is, its deadline, whether open), or 404 as for any task not visible.</summary>
    private async Task<CommunityTask> LoadSealAsync(int taskId, int organizationId, CancellationToken ct) =>
        await db.Tasks.AsNoTracking()
            .VisibleTo(organizationId)
            .SingleOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw new ResourceNotFoundException("task.not-found");

    /// <summary>The posting association's id, or 404 when the task does not exist or is someone else's draft.</summary>
    private async Task<int> EnsureVisibleAsync(int taskId, int organizationId, CancellationToken ct)
    {
        return await db.Tasks.AsNoTracking()
            .VisibleTo(organizationId)
            .Where(t => t.Id == taskId)
            .Select(t => (int?)t.AssociationId)
            .SingleOrDefaultAsync(ct)
            ?? throw new ResourceNotFoundException("task.not-found");
    }

    private Task<BidDto> GetAsync(int bidId, CancellationToken ct) =>
        db.Bids.AsNoTracking().Where(b => b.Id == bidId).ProjectTo<BidDto>(mapper.ConfigurationProvider).SingleAsync(ct);

    private void Announce(CommunityTask task, Bid bid, NotificationType type, DateTimeOffset now) =>
        outbox.Add(() => new Notification(task.AssociationId, type, task.Id, task.Title, now, bidId: bid.Id));

    private static BidTerms ToTerms(BidRequest request, CommunityTask task, DateTimeOffset now)
    {
        var required = new RequiredFields();
        var terms = new BidTerms(
            required.Value(request.AmountYen, "amountYen", 0L),
            request.Proposal ?? string.Empty,
            required.Value(request.StaffPlanned, "staffPlanned", 1),
            required.Value(request.EarliestStart, "earliestStart", default));
        required.ThrowIfAny(terms.Validate(task, now));
        return terms;
    }
}
