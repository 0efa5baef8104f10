using System.Security.Claims;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using Matchboard.Domain;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Contracts;

public sealed class ContractService(MatchboardDbContext db, IMapper mapper, TimeProvider clock, NotificationOutbox outbox, Visits.VisitService visits)
{
    /// <summary>
    /// The association picks one bid with a written reason. Two racing awards read the same task version;
    /// the second to save fails its concurrency check and gets 409.
    /// </summary>
    public async Task<ContractDto> AwardAsync(int taskId, AwardRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        if (request.BidId is null)
        {
            DomainException.ThrowIfAny([new FieldError("bidId", "required")]);
        }

        var task = await db.LoadOwnAsync(taskId, user.RequiredOrganizationId(), ct);
        var now = clock.GetUtcNow();
        var liveBids = task.Bids.Where(b => b.IsLive).ToList();
        var contract = task.Award(request.BidId!.Value, request.Rationale ?? string.Empty, now);
        db.Contracts.Add(contract);

        outbox.Add(() => liveBids.Select(bid => bid.Id == contract.BidId
            ? new Notification(bid.GroupId, NotificationType.BidAwarded, task.Id, task.Title, now, bid.Id, contract.Id)
            : new Notification(bid.GroupId, NotificationType.BidRejected, task.Id, task.Title, now, bid.Id)));
        await outbox.CommitAsync(ct);
        return await GetAsync(contract.Id, user, ct);
    }

    /// <summary>A contract is for its two sides and the city's staff.</summary>
    public async Task<ContractDto> GetAsync(int contractId, ClaimsPrincipal user, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking()
            .Where(c => c.Id == contractId)
            .ProjectTo<ContractDto>(mapper.ConfigurationProvider)
            .SingleOrDefaultAsync(ct)
            ?? throw new ResourceNotFoundException("contract.not-found");
        var organizationId = user.OrganizationId();
        var isParty = organizationId == contract.AssociationId || organizationId == contract.ProviderId;
        return isParty || user.OrganizationKind() == OrganizationKind.CityOffice
            ? contract
            : throw new ForbiddenAccessException("contract.not-yours");
    }

    public async Task<ContractDto> SignAsync(int contractId, ClaimsPrincipal user, CancellationToken ct)
    {
        var organizationId = user.RequiredOrganizationId();
        var contract = await db.Contracts.Include(c => c.Task).SingleOrDefaultAsync(c => c.Id == contractId, ct)
            ?? throw new ResourceNotFoundException("contract.not-found");
        if (!contract.IsParty(organizationId))
        {
            throw new ForbiddenAccessException("contract.not-yours");
        }

        var now = clock.GetUtcNow();
        contract.Sign(organizationId, now);
        await visits.OnActivatedAsync(contract, now, ct);
        var title = contract.Task!.Title;
        outbox.Add(() => new[] { contract.AssociationId, contract.ProviderId }.Select(party =>
            new Notification(party, NotificationType.ContractSigned, contract.TaskId, title, now, contract.BidId, contract.Id)));
        await outbox.CommitAsync(ct);
        return await GetAsync(contractId, user, ct);
    }
}
