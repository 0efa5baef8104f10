using System.Security.Claims;
using AutoMapper;
using Matchboard.Domain;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Contracts;

/// <summary>
/// Loads a contract for one of its two sides, calls the domain's transition and commits it with its
/// notifications. Two sides changing one contract at once: the second save fails its version check (409).
/// </summary>
public sealed class ContractService(
    MatchboardDbContext db,
    IMapper mapper,
    TimeProvider clock,
    NotificationOutbox outbox,
    IConfiguration configuration,
    Visits.VisitService visits)
{
    public const string SignWithinSetting = "Matchboard:Contracts:SignWithin";

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
        var signWithin = configuration.GetValue(SignWithinSetting, Contract.DefaultSignWithin);
        var contract = task.Award(request.BidId!.Value, request.Rationale ?? string.Empty, now, signWithin);
        db.Contracts.Add(contract);

        outbox.Add(() => liveBids.Select(bid => bid.Id == contract.BidId
            ? new Notification(bid.GroupId, NotificationType.BidAwarded, task.Id, task.Title, now, bid.Id, contract.Id)
            : new Notification(bid.GroupId, NotificationType.BidRejected, task.Id, task.Title, now, bid.Id)));
        await outbox.CommitAsync(ct);
        return await GetAsync(contract.Id, user, ct);
    }

    /// <summary>A contract is for its two sides and the city's staff; contact persons only for the two sides.</summary>
    public async Task<ContractDto> GetAsync(int contractId, ClaimsPrincipal user, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking()
            .Include(c => c.Task)
            .Include(c => c.Association)
            .Include(c => c.Provider)
            .SingleOrDefaultAsync(c => c.Id == contractId, ct)
            ?? throw new ResourceNotFoundException("contract.not-found");
        var me = user.OrganizationId();
        if (!contract.IsParty(me) && user.OrganizationKind() != OrganizationKind.CityOffice)
        {
            throw new ForbiddenAccessException("contract.not-yours");
        }

        var proposal = await db.Bids.Where(b => b.Id == contract.BidId).Select(b => b.Proposal).SingleOrDefaultAsync(ct);
        return mapper.Map<ContractDto>(contract) with
        {
            Proposal = proposal,
            AssociationContact = ToDto(contract.ContactVisibleTo(contract.AssociationId, me)),
            ProviderContact = ToDto(contract.ContactVisibleTo(contract.ProviderId, me)),
            CanWithdrawAward = me == contract.AssociationId && contract.CanWithdrawAward(clock.GetUtcNow()),
        };
    }

    /// <summary>
    /// Signs for the caller's side. The two sides often sign at the same moment, and each request changes the
    /// same row: the version check makes the later save fail rather than write over the other signature.
    /// That conflict is not a real disagreement (a signature never contradicts the other side's), so the
    /// loser reloads the contract and signs once more on top of it, and the contract becomes Active. Only a
    /// second conflict in a row (some other change in between) reaches the user, as 409.
    /// </summary>
    public async Task<ContractDto> SignAsync(int contractId, ClaimsPrincipal user, CancellationToken ct)
    {
        await db.RetryOnConflictAsync(() => SignOnceAsync(contractId, user, ct), attempts: 2);
        return await GetAsync(contractId, user, ct);
    }

    private async Task SignOnceAsync(int contractId, ClaimsPrincipal user, CancellationToken ct)
    {
        var (contract, me) = await LoadForChangeAsync(contractId, user, ct);
        var now = clock.GetUtcNow();
        contract.Sign(me, now);
        await visits.OnActivatedAsync(contract, now, ct);
        Notify(contract, NotificationType.ContractSigned, Both(contract, me), now);
        await outbox.CommitAsync(ct);
    }

    /// <summary>The association's terms; a change clears any signature and tells the other side.</summary>
    public Task<ContractDto> SetTermsAsync(int contractId, TermsRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeAsync(contractId, user, NotificationType.ContractChanged, Other, (contract, me, _) =>
            contract.SetTerms(me, new ContractTerms(request.PaymentTiming, request.PaymentNote, request.Insurance)), ct);

    /// <summary>Our own contact person; a change clears any signature and tells the other side.</summary>
    public Task<ContractDto> SetContactAsync(int contractId, ContactRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeAsync(contractId, user, NotificationType.ContractChanged, Other, (contract, me, _) =>
            contract.SetContact(me, new ContactPerson(request.Name, request.Phone, request.Email)), ct);

    /// <summary>
    /// The winner has not signed in time: the posting association takes the award back. The task is Closed
    /// again for the next live bid (or a cancellation); both sides are told.
    /// </summary>
    public async Task<ContractDto> WithdrawAwardAsync(int contractId, ReasonRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var (contract, me) = await LoadForChangeAsync(contractId, user, ct);
        var task = await db.LoadOwnAsync(contract.TaskId, me, ct);
        var now = clock.GetUtcNow();
        task.WithdrawAward(contract, request.Reason ?? string.Empty, now);
        return await CommitAsync(contract, user, NotificationType.AwardWithdrawn, Both(contract, me), now, ct);
    }

    /// <summary>The provider reports the work done, with the visits made against those planned.</summary>
    public async Task<ContractDto> DeliverAsync(int contractId, DeliverRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var (contract, me) = await LoadForChangeAsync(contractId, user, ct);
        var (made, planned) = await visits.TallyAsync(contract.Id, ct);
        var now = clock.GetUtcNow();
        contract.Deliver(me, request.Note ?? string.Empty, made, planned, now);
        return await CommitAsync(contract, user, NotificationType.ContractDelivered, Other(contract, me), now, ct);
    }

    public Task<ContractDto> AcceptAsync(int contractId, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeAsync(contractId, user, NotificationType.ContractCompleted, Both, (contract, me, now) =>
        {
            contract.Accept(me, now);
            return true;
        }, ct);

    public Task<ContractDto> RequestChangesAsync(int contractId, ReasonRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeAsync(contractId, user, NotificationType.ContractChangesRequested, Other, (contract, me, now) =>
        {
            contract.RequestChanges(me, request.Reason ?? string.Empty, now);
            return true;
        }, ct);

    /// <summary>Either side ends open work early, with a reason; the visits not yet made are cancelled with it.</summary>
    public async Task<ContractDto> TerminateAsync(int contractId, ReasonRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var (contract, me) = await LoadForChangeAsync(contractId, user, ct);
        var now = clock.GetUtcNow();
        contract.Terminate(me, request.Reason ?? string.Empty, now);
        await visits.CancelOpenVisitsAsync(contract.Id, now, ct);
        return await CommitAsync(contract, user, NotificationType.ContractTerminated, Both(contract, me), now, ct);
    }

    /// <summary>The contract, tracked with its task and reviews, for one of its two sides (others: 404 / 403).</summary>
    internal async Task<(Contract Contract, int Me)> LoadForChangeAsync(int contractId, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.RequiredOrganizationId();
        var contract = await db.Contracts.Include(c => c.Task).Include(c => c.Reviews)
            .SingleOrDefaultAsync(c => c.Id == contractId, ct)
            ?? throw new ResourceNotFoundException("contract.not-found");
        return contract.IsParty(me) ? (contract, me) : throw new ForbiddenAccessException("contract.not-yours");
    }

    private static IEnumerable<int> Both(Contract contract, int me) => [contract.AssociationId, contract.ProviderId];

    private static IEnumerable<int> Other(Contract contract, int me) =>
        [me == contract.AssociationId ? contract.ProviderId : contract.AssociationId];

    private static ContactDto? ToDto(ContactPerson? contact) =>
        contact is null ? null : new ContactDto(contact.Name!, contact.Phone!, contact.Email!);

    /// <summary>Runs one transition; it returns false when nothing changed, and then nothing is written or sent.</summary>
    private async Task<ContractDto> ChangeAsync(
        int contractId,
        ClaimsPrincipal user,
        NotificationType type,
        Func<Contract, int, IEnumerable<int>> recipients,
        Func<Contract, int, DateTimeOffset, bool> change,
        CancellationToken ct)
    {
        var (contract, me) = await LoadForChangeAsync(contractId, user, ct);
        var now = clock.GetUtcNow();
        return change(contract, me, now)
            ? await CommitAsync(contract, user, type, recipients(contract, me), now, ct)
            : await GetAsync(contractId, user, ct);
    }

    private async Task<ContractDto> CommitAsync(
        Contract contract, ClaimsPrincipal user, NotificationType type, IEnumerable<int> recipients, DateTimeOffset now, CancellationToken ct)
    {
        Notify(contract, type, recipients, now);
        await outbox.CommitAsync(ct);
        return await GetAsync(contract.Id, user, ct);
    }

    private void Notify(Contract contract, NotificationType type, IEnumerable<int> recipients, DateTimeOffset now)
    {
        var title = contract.Task!.Title;
        outbox.Add(() => recipients.Select(party =>
            new Notification(party, type, contract.TaskId, title, now, contract.BidId, contract.Id)));
    }
}
