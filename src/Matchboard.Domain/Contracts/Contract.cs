using Matchboard.Domain.Bids;
using Matchboard.Domain.Tasks;

namespace Matchboard.Domain.Contracts;

/// <summary>
/// The agreement that follows an award, from the terms and signatures through the work to completion or
/// termination and the two reviews. Every rule about a contract's life is here, once; services, pages and
/// sweeps call these methods and never set a state themselves.
/// </summary>
public class Contract
{
    public const int NoteMaxLength = 2000;
    public const int ReasonMaxLength = 2000;

    /// <summary>How long the winner has to sign, unless the host configures otherwise.</summary>
    public static readonly TimeSpan DefaultSignWithin = TimeSpan.FromDays(7);

    /// <summary>A delivery the association neither accepts nor sends back within this time completes by itself.</summary>
    public static readonly TimeSpan AcceptWithin = TimeSpan.FromDays(14);

    /// <summary>Reviews stay sealed until both are in, or this long after the contract ended.</summary>
    public static readonly TimeSpan ReviewsSealedFor = TimeSpan.FromDays(14);

    private readonly List<Review> _reviews = [];

    private Contract()
    {
    }

    internal Contract(CommunityTask task, Bid bid, DateTimeOffset now, TimeSpan signWithin)
    {
        TaskId = task.Id;
        BidId = bid.Id;
        AssociationId = task.AssociationId;
        ProviderId = bid.GroupId;
        AmountYen = bid.AmountYen;
        Status = ContractStatus.PendingSignatures;
        CreatedAt = now;
        SignBy = now + signWithin;
    }

    private enum Side
    {
        Association,
        Provider,
    }

    public int Id { get; private set; }

    public int TaskId { get; private set; }

    /// <summary>Read-only navigations for queries; never assigned by the domain.</summary>
    public CommunityTask? Task { get; private set; }

    public Organizations.Organization? Association { get; private set; }

    public Organizations.Organization? Provider { get; private set; }

    public int BidId { get; private set; }

    public int AssociationId { get; private set; }

    /// <summary>The civic group that does the work.</summary>
    public int ProviderId { get; private set; }

    public long AmountYen { get; private set; }

    public ContractStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The winner's signing deadline; after it, an unsigned award may be withdrawn.</summary>
    public DateTimeOffset SignBy { get; private set; }

    public DateTimeOffset? AssociationSignedAt { get; private set; }

    public DateTimeOffset? ProviderSignedAt { get; private set; }

    public DateTimeOffset? ActivatedAt { get; private set; }

    public PaymentTiming? PaymentTiming { get; private set; }

    public string? PaymentNote { get; private set; }

    /// <summary>Who insures the work and how (e.g. the group's volunteer activity insurance).</summary>
    public string? Insurance { get; private set; }

    public string? AssociationContactName { get; private set; }

    public string? AssociationContactPhone { get; private set; }

    public string? AssociationContactEmail { get; private set; }

    public string? ProviderContactName { get; private set; }

    public string? ProviderContactPhone { get; private set; }

    public string? ProviderContactEmail { get; private set; }

    public DateTimeOffset? AwardWithdrawnAt { get; private set; }

    public string? AwardWithdrawalReason { get; private set; }

    /// <summary>The latest delivery; a request for changes keeps it as history, the next delivery replaces it.</summary>
    public DateTimeOffset? DeliveredAt { get; private set; }

    public string? DeliveryNote { get; private set; }

    public int? VisitsMade { get; private set; }

    public int? VisitsPlanned { get; private set; }

    public DateTimeOffset? ChangesRequestedAt { get; private set; }

    public string? ChangesRequestReason { get; private set; }

    /// <summary>Set at Completed or Terminated; personal data is erased a year after it.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    public bool CompletedAutomatically { get; private set; }

    public int? TerminatedById { get; private set; }

    public string? TerminationReason { get; private set; }

    public IReadOnlyList<Review> Reviews => _reviews;

    /// <summary>The work is under way: visits may be reported.</summary>
    public bool IsWorkOpen => IsWorkOpenIn(Status);

    public bool HasEnded => HasEndedIn(Status);

    public bool HasTerms => PaymentTiming is not null && Insurance is not null;

    /// <summary>Contact persons are exchanged only once both sides have signed.</summary>
    public bool ContactsShared => ActivatedAt is not null;

    public ContactPerson? AssociationContact =>
        AssociationContactName is null ? null : new(AssociationContactName, AssociationContactPhone, AssociationContactEmail);

    public ContactPerson? ProviderContact =>
        ProviderContactName is null ? null : new(ProviderContactName, ProviderContactPhone, ProviderContactEmail);

    /// <summary>When an undecided delivery completes by itself.</summary>
    public DateTimeOffset? AutoCompletesAt => Status == ContractStatus.Delivered ? DeliveredAt + AcceptWithin : null;

    /// <summary>The one definition of open work, for callers that hold only a status (pages, DTOs).</summary>
    public static bool IsWorkOpenIn(ContractStatus status) => status is ContractStatus.Active or ContractStatus.Delivered;

    public static bool HasEndedIn(ContractStatus status) => status is ContractStatus.Completed or ContractStatus.Terminated;

    /// <summary>Signed by both and under way or over: the work has a schedule (not pending, not withdrawn).</summary>
    public static bool HasStartedIn(ContractStatus status) => IsWorkOpenIn(status) || HasEndedIn(status);

    public bool IsParty(int organizationId) => organizationId == AssociationId || organizationId == ProviderId;

    public bool IsParty(int? organizationId) => organizationId is { } id && IsParty(id);

    /// <summary>A side always sees its own contact person; the other side's only once both have signed.</summary>
    public ContactPerson? ContactVisibleTo(int partyId, int? viewerId)
    {
        var contact = partyId == AssociationId ? AssociationContact : partyId == ProviderId ? ProviderContact : null;
        return viewerId == partyId || (ContactsShared && IsParty(viewerId)) ? contact : null;
    }

    public void Sign(int organizationId, DateTimeOffset now)
    {
        EnsureStatus(ContractStatus.PendingSignatures, "contract.not-pending");
        var side = SideOf(organizationId);
        if (side == Side.Association)
        {
            if (AssociationSignedAt is not null)
            {
                throw new DomainException("contract.already-signed");
            }

            if (!HasTerms)
            {
                throw new DomainException("contract.terms-missing", DomainErrorKind.RuleViolation);
            }

            if (AssociationContact is null)
            {
                throw new DomainException("contract.contact-missing", DomainErrorKind.RuleViolation);
            }

            AssociationSignedAt = now;
        }
        else
        {
            if (ProviderSignedAt is not null)
            {
                throw new DomainException("contract.already-signed");
            }

            if (ProviderContact is null)
            {
                throw new DomainException("contract.contact-missing", DomainErrorKind.RuleViolation);
            }

            ProviderSignedAt = now;
        }

        if (AssociationSignedAt is not null && ProviderSignedAt is not null)
        {
            Status = ContractStatus.Active;
            ActivatedAt = now;
        }
    }

    /// <summary>The association's terms. Returns whether anything changed; a change clears the signatures.</summary>
    public bool SetTerms(int organizationId, ContractTerms terms)
    {
        Require(organizationId, Side.Association);
        EnsureStatus(ContractStatus.PendingSignatures, "contract.not-pending");
        DomainException.ThrowIfAny(terms.Validate());
        var normalized = terms.Normalized();
        if (normalized == new ContractTerms(PaymentTiming, PaymentNote, Insurance))
        {
            return false;
        }

        (PaymentTiming, PaymentNote, Insurance) = (normalized.PaymentTiming, normalized.PaymentNote, normalized.Insurance);
        ClearSignatures();
        return true;
    }

    /// <summary>A side names its own contact person. Returns whether anything changed; a change clears the signatures.</summary>
    public bool SetContact(int organizationId, ContactPerson contact)
    {
        var side = SideOf(organizationId);
        EnsureStatus(ContractStatus.PendingSignatures, "contract.not-pending");
        DomainException.ThrowIfAny(contact.Validate());
        var normalized = contact.Normalized();
        if (normalized == (side == Side.Association ? AssociationContact : ProviderContact))
        {
            return false;
        }

        if (side == Side.Association)
        {
            (AssociationContactName, AssociationContactPhone, AssociationContactEmail) = (normalized.Name, normalized.Phone, normalized.Email);
        }
        else
        {
            (ProviderContactName, ProviderContactPhone, ProviderContactEmail) = (normalized.Name, normalized.Phone, normalized.Email);
        }

        ClearSignatures();
        return true;
    }

    /// <summary>Whether the association may take the award back now: the winner has not signed by <see cref="SignBy"/>.</summary>
    public bool CanWithdrawAward(DateTimeOffset now) => WithdrawalRefusal(now) is null;

    public void Deliver(int organizationId, string note, int visitsMade, int visitsPlanned, DateTimeOffset now)
    {
        Require(organizationId, Side.Provider);
        EnsureStatus(ContractStatus.Active, "contract.not-active");
        DomainException.ThrowIfAny(new Validation()
            .Text("note", note, NoteMaxLength)
            .Check(visitsMade >= 0, "visitsMade", "negative")
            .Check(visitsPlanned >= 0, "visitsPlanned", "negative")
            .Errors);
        Status = ContractStatus.Delivered;
        DeliveredAt = now;
        DeliveryNote = note.Trim();
        VisitsMade = visitsMade;
        VisitsPlanned = visitsPlanned;
    }

    public void Accept(int organizationId, DateTimeOffset now)
    {
        Require(organizationId, Side.Association);
        EnsureStatus(ContractStatus.Delivered, "contract.not-delivered");
        Complete(now, automatically: false);
    }

    /// <summary>Sends the delivery back: the work is Active again and the acceptance clock waits for the next delivery.</summary>
    public void RequestChanges(int organizationId, string reason, DateTimeOffset now)
    {
        Require(organizationId, Side.Association);
        EnsureStatus(ContractStatus.Delivered, "contract.not-delivered");
        DomainException.ThrowIfAny(new Validation().Text("reason", reason, ReasonMaxLength).Errors);
        Status = ContractStatus.Active;
        ChangesRequestedAt = now;
        ChangesRequestReason = reason.Trim();
    }

    /// <summary>The one rule for auto-completion: delivered, and not decided within <see cref="AcceptWithin"/>.</summary>
    public bool IsDueForAutoCompletion(DateTimeOffset now) => AutoCompletesAt is { } due && now >= due;

    public void CompleteAutomatically(DateTimeOffset now)
    {
        if (!IsDueForAutoCompletion(now))
        {
            throw new DomainException("contract.not-due");
        }

        Complete(now, automatically: true);
    }

    public void Terminate(int organizationId, string reason, DateTimeOffset now)
    {
        SideOf(organizationId);
        if (!IsWorkOpen)
        {
            throw new DomainException("contract.not-open");
        }

        DomainException.ThrowIfAny(new Validation().Text("reason", reason, ReasonMaxLength).Errors);
        Status = ContractStatus.Terminated;
        EndedAt = now;
        TerminatedById = organizationId;
        TerminationReason = reason.Trim();
    }

    /// <summary>Each side reviews the other once, after the contract has ended.</summary>
    public Review AddReview(int organizationId, int rating, string comment, DateTimeOffset now)
    {
        var side = SideOf(organizationId);
        if (!HasEnded)
        {
            throw new DomainException("review.contract-not-ended");
        }

        if (_reviews.Any(r => r.ReviewerId == organizationId))
        {
            throw new DomainException("review.already-submitted");
        }

        DomainException.ThrowIfAny(new Validation()
            .Check(rating is >= Review.MinRating and <= Review.MaxRating, "rating", "out-of-range")
            .Text("comment", comment, Review.CommentMaxLength)
            .Errors);
        var review = new Review(Id, organizationId, side == Side.Association ? ProviderId : AssociationId, rating, comment.Trim(), now);
        _reviews.Add(review);
        return review;
    }

    /// <summary>The double-blind rule: sealed until both sides have reviewed, or <see cref="ReviewsSealedFor"/> after the end.</summary>
    public bool ReviewsReleased(DateTimeOffset now) => ReviewsReleased(_reviews.Select(r => r.ReviewerId).Distinct().Count(), EndedAt, now);

    /// <summary>The same rule on a contract read as values: how many sides have reviewed it, and when it ended.</summary>
    public static bool ReviewsReleased(int sidesReviewed, DateTimeOffset? endedAt, DateTimeOffset now) =>
        sidesReviewed == 2 || (endedAt is { } ended && now >= ended + ReviewsSealedFor);

    /// <summary>The reviews this viewer may read now: its own always, the rest once released (then to anyone).</summary>
    public IEnumerable<Review> ReviewsVisibleTo(int? viewerId, DateTimeOffset now) =>
        ReviewsReleased(now) ? _reviews : _reviews.Where(r => r.ReviewerId == viewerId);

    /// <summary>The reviewed side answers a released review, once.</summary>
    public Review Reply(int organizationId, int reviewId, string reply, DateTimeOffset now)
    {
        SideOf(organizationId);
        var review = _reviews.FirstOrDefault(r => r.Id == reviewId && r.RevieweeId == organizationId)
            ?? throw new DomainException("review.not-found");
        if (!ReviewsReleased(now))
        {
            throw new DomainException("review.not-released");
        }

        if (review.Reply is not null)
        {
            throw new DomainException("review.already-replied");
        }

        DomainException.ThrowIfAny(new Validation().Text("reply", reply, Review.ReplyMaxLength).Errors);
        review.SetReply(reply.Trim(), now);
        return review;
    }

    /// <summary>Called by the task, which reopens its bids in the same step.</summary>
    internal void WithdrawAward(string reason, DateTimeOffset now)
    {
        if (WithdrawalRefusal(now) is { } code)
        {
            throw new DomainException(code);
        }

        DomainException.ThrowIfAny(new Validation().Text("reason", reason, ReasonMaxLength).Errors);
        Status = ContractStatus.AwardWithdrawn;
        AwardWithdrawnAt = now;
        AwardWithdrawalReason = reason.Trim();
    }

    private string? WithdrawalRefusal(DateTimeOffset now) =>
        Status != ContractStatus.PendingSignatures ? "contract.not-pending"
        : ProviderSignedAt is not null ? "contract.provider-signed"
        : now < SignBy ? "contract.sign-by-not-passed"
        : null;

    private void Complete(DateTimeOffset now, bool automatically)
    {
        Status = ContractStatus.Completed;
        EndedAt = now;
        CompletedAutomatically = automatically;
    }

    private void ClearSignatures()
    {
        AssociationSignedAt = null;
        ProviderSignedAt = null;
    }

    private Side SideOf(int organizationId) =>
        organizationId == AssociationId ? Side.Association
        : organizationId == ProviderId ? Side.Provider
        : throw new DomainException("contract.not-a-party", DomainErrorKind.RuleViolation);

    private void Require(int organizationId, Side side)
    {
        if (SideOf(organizationId) != side)
        {
            throw new DomainException(side == Side.Association ? "contract.association-only" : "contract.provider-only", DomainErrorKind.RuleViolation);
        }
    }

    private void EnsureStatus(ContractStatus expected, string code)
    {
        if (Status != expected)
        {
            throw new DomainException(code);
        }
    }
}
