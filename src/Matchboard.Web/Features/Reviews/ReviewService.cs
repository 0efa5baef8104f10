using System.Security.Claims;
using Matchboard.Domain;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Contracts;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Reviews;

/// <summary>Reviews are written through their contract; who may read one is the contract's double-blind rule.</summary>
public sealed class ReviewService(MatchboardDbContext db, ContractService contracts, TimeProvider clock, NotificationOutbox outbox)
{
    public async Task<ContractReviewsDto> ListAsync(int contractId, ClaimsPrincipal user, CancellationToken ct)
    {
        var (contract, me) = await contracts.LoadForChangeAsync(contractId, user, ct);
        return await ToDtoAsync(contract, me, ct);
    }

    /// <summary>Our one review of the other side; the other side is told that it has arrived, not what it says.</summary>
    public async Task<ContractReviewsDto> AddAsync(int contractId, ReviewRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var (contract, me) = await contracts.LoadForChangeAsync(contractId, user, ct);
        var now = clock.GetUtcNow();
        if (request.Rating is null)
        {
            DomainException.ThrowIfAny([new FieldError("rating", "required")]);
        }

        var review = contract.AddReview(me, request.Rating!.Value, request.Comment ?? string.Empty, now);
        outbox.Add(() => new Notification(review.RevieweeId, NotificationType.ReviewReceived, contract.TaskId, contract.Task!.Title, now, contract.BidId, contract.Id));
        await outbox.CommitAsync(ct);
        return await ToDtoAsync(contract, me, ct);
    }

    /// <summary>The reviewed side answers a released review, once.</summary>
    public async Task<ContractReviewsDto> ReplyAsync(int contractId, int reviewId, ReplyRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var (contract, me) = await contracts.LoadForChangeAsync(contractId, user, ct);
        contract.Reply(me, reviewId, request.Text ?? string.Empty, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(contract, me, ct);
    }

    /// <summary>An organization's public record: released reviews about it, their average, and its completed work by category.</summary>
    public async Task<OrganizationReviewsDto> ForOrganizationAsync(int organizationId, CancellationToken ct, bool includeSupporter = false)
    {
        // An individual supporter has no public record: its name is given only to an association it accepted.
        var name = await db.Organizations.Where(o => o.Id == organizationId && (includeSupporter || o.Kind != OrganizationKind.Supporter))
                .Select(o => o.Name).SingleOrDefaultAsync(ct)
            ?? throw new ResourceNotFoundException("organization.not-found");
        var ended = await db.Contracts.AsNoTracking()
            .Include(c => c.Reviews)
            .Include(c => c.Task)
            .Where(c => (c.AssociationId == organizationId || c.ProviderId == organizationId) && c.EndedAt != null)
            .AsSplitQuery()
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var released = ended.SelectMany(c => c.ReviewsVisibleTo(null, now)).Where(r => r.RevieweeId == organizationId).ToList();
        var byCategory = ended
            .Where(c => c.ProviderId == organizationId && c.Status == ContractStatus.Completed)
            .GroupBy(c => c.Task!.Category)
            .Select(g => new CategoryCountDto(g.Key, g.Count()))
            .OrderByDescending(c => c.Count)
            .ToList();
        var names = await NamesAsync(released, ct);

        // A review the city hid still stands in the list with the city's reason, but its rating no longer counts.
        var counted = released.Where(r => !r.IsHidden).ToList();
        return new OrganizationReviewsDto(
            organizationId,
            name,
            counted.Count == 0 ? null : Math.Round(counted.Average(r => r.Rating), 1),
            counted.Count,
            byCategory,
            released.OrderByDescending(r => r.SubmittedAt).Select(r => ToDto(r, names)).ToList());
    }

    private async Task<ContractReviewsDto> ToDtoAsync(Contract contract, int me, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var visible = contract.ReviewsVisibleTo(me, now).ToList();
        var names = await NamesAsync(contract.Reviews, ct);
        var weHaveReviewed = contract.Reviews.Any(r => r.ReviewerId == me);
        return new ContractReviewsDto(
            contract.Id,
            contract.HasEnded && !weHaveReviewed,
            weHaveReviewed,
            contract.ReviewsReleased(now),
            contract.EndedAt + Contract.ReviewsSealedFor,
            visible.OrderBy(r => r.SubmittedAt).Select(r => ToDto(r, names)).ToList());
    }

    private async Task<Dictionary<int, string>> NamesAsync(IEnumerable<Review> reviews, CancellationToken ct)
    {
        var ids = reviews.SelectMany(r => new[] { r.ReviewerId, r.RevieweeId }).Distinct().ToList();
        return await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    /// <summary>A hidden review's comment and rating never leave the server; its reason stands in their place.</summary>
    private static ReviewDto ToDto(Review r, Dictionary<int, string> names) => new(
        r.Id, r.ContractId, r.ReviewerId, names.GetValueOrDefault(r.ReviewerId, string.Empty), r.RevieweeId,
        names.GetValueOrDefault(r.RevieweeId, string.Empty), r.IsHidden ? 0 : r.Rating, r.IsHidden ? string.Empty : r.Comment,
        r.SubmittedAt, r.Reply, r.RepliedAt, r.IsHidden, r.HiddenReason);
}
