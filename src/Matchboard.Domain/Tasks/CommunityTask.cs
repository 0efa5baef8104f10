using Matchboard.Domain.Bids;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Organizations;

namespace Matchboard.Domain.Tasks;

/// <summary>
/// A piece of community work an association asks for (依頼). The aggregate root for its bids and questions:
/// every change to them goes through here so the bidding rules hold in one place.
/// </summary>
public class CommunityTask
{
    public const int RationaleMaxLength = 2000;

    /// <summary>
    /// The reason is public once awarded: 「安い」 explains nothing. Twenty characters is about one sentence in
    /// Japanese, enough to say what the chosen group offers that the others did not.
    /// </summary>
    public const int RationaleMinLength = 20;

    private readonly List<Bid> _bids = [];
    private readonly List<Question> _questions = [];
    private readonly List<TaskChange> _changes = [];
    private readonly List<TaskInvitation> _invitations = [];

    private CommunityTask()
    {
        Title = Description = Category = Ward = Town = string.Empty;
    }

    public int Id { get; private set; }

    public int AssociationId { get; private set; }

    /// <summary>Read-only navigation for queries; never assigned by the domain.</summary>
    public Organization? Association { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public string Category { get; private set; }

    public string Ward { get; private set; }

    public string Town { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    public int VisitsPlanned { get; private set; }

    public bool IsVolunteer { get; private set; }

    /// <summary>The fee offered; for volunteer work, the expenses budget.</summary>
    public long FeeYen { get; private set; }

    public DateTimeOffset BidDeadline { get; private set; }

    public bool CertificationRequired { get; private set; }

    public bool InsuranceRequired { get; private set; }

    public int HouseholdsServed { get; private set; }

    /// <summary>The weekdays of the visits; <see cref="VisitsPlanned"/> is their count from start to end.</summary>
    public WeekdaySet VisitWeekdays { get; private set; }

    /// <summary>Watch-over visits go to households; other work is one shift a visit day.</summary>
    public bool HasHouseholds => TaskDetails.HasHouseholds(Category);

    public CommunityTaskStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? AwardedAt { get; private set; }

    public int? AwardedBidId { get; private set; }

    public string? AwardRationale { get; private set; }

    /// <summary>When the sealed bids were opened to the association: at the deadline, by the sweep or the first read after it.</summary>
    public DateTimeOffset? BidsOpenedAt { get; private set; }

    /// <summary>When every bidder's name and amount became public: at the award, an unawarded close, or a cancellation after the deadline.</summary>
    public DateTimeOffset? BidsRevealedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public IReadOnlyList<Bid> Bids => _bids;

    public IReadOnlyList<Question> Questions => _questions;

    /// <summary>The groups the association invited to bid. Loaded only where invitations are read or made.</summary>
    public IReadOnlyList<TaskInvitation> Invitations => _invitations;

    /// <summary>The history of a published task: one line per field per edit. Loaded only where shown.</summary>
    public IReadOnlyList<TaskChange> Changes => _changes;

    /// <summary>How many edits the task has had since it was published.</summary>
    public int Revision { get; private set; }

    /// <summary>What the association wrote, as it stands now.</summary>
    public TaskDetails Details => new(
        Title, Description, Category, Ward, Town, StartDate, EndDate, VisitsPlanned, IsVolunteer, FeeYen,
        BidDeadline, CertificationRequired, InsuranceRequired, HouseholdsServed, VisitWeekdays);

    public bool IsAcceptingBids(DateTimeOffset now) => TaskDeadline.IsAcceptingBids(Status, BidDeadline, now);

    /// <summary>The status as everyone should read it at <paramref name="now"/>: see <see cref="TaskDeadline"/>.</summary>
    public CommunityTaskStatus EffectiveStatus(DateTimeOffset now) => TaskDeadline.EffectiveStatus(Status, BidDeadline, now);

    public static CommunityTask Draft(int associationId, TaskDetails details, DateTimeOffset now)
    {
        DomainException.ThrowIfAny(details.Validate(now));
        var task = new CommunityTask
        {
            AssociationId = associationId,
            Status = CommunityTaskStatus.Draft,
            CreatedAt = now,
        };
        task.Apply(details);
        return task;
    }

    public void Publish(DateTimeOffset now)
    {
        EnsureStatus(CommunityTaskStatus.Draft, "task.not-draft");
        if (TaskDeadline.HasPassed(BidDeadline, now))
        {
            throw new DomainException("task.deadline-passed", DomainErrorKind.RuleViolation);
        }

        Status = CommunityTaskStatus.Open;
        PublishedAt = now;
    }

    /// <summary>
    /// Rewrites the task. A draft is rewritten freely under the posting rules. A task open for bids may be
    /// rewritten too, but publicly: each changed field becomes a line of its history, the deadline cannot come
    /// closer once a live bid exists (the group counted on that time), and a change to the terms marks every
    /// live bid as made for the earlier terms until its group confirms or revises it. Returns the new history
    /// lines (none for a draft or for no change).
    /// </summary>
    public IReadOnlyList<TaskChange> Edit(TaskDetails details, DateTimeOffset now)
    {
        CheckEdit(details, now);
        if (Status == CommunityTaskStatus.Draft)
        {
            Apply(details);
            return [];
        }

        var differences = TaskFields.Differences(Details, details);
        if (differences.Count == 0)
        {
            return [];
        }

        Revision++;
        var changes = differences
            .Select(d => new TaskChange(Id, Revision, d.Field, d.OldValue, d.NewValue, d.ChangesTerms, now))
            .ToList();
        _changes.AddRange(changes);
        if (changes.Any(c => c.ChangesTerms))
        {
            foreach (var bid in _bids.Where(b => b.IsLive))
            {
                bid.MarkForEarlierTerms();
            }
        }

        Apply(details);
        return changes;
    }

    /// <summary>
    /// What <see cref="Edit"/> would record, checked by the same rules, changing nothing: the edit page's preview.
    /// A draft keeps no history, so it has none to show.
    /// </summary>
    public IReadOnlyList<(string Field, string OldValue, string NewValue, bool ChangesTerms)> PreviewEdit(TaskDetails details, DateTimeOffset now)
    {
        CheckEdit(details, now);
        return Status == CommunityTaskStatus.Draft ? [] : TaskFields.Differences(Details, details);
    }

    private void CheckEdit(TaskDetails details, DateTimeOffset now)
    {
        var isDraft = Status == CommunityTaskStatus.Draft;
        if (!isDraft && !IsAcceptingBids(now))
        {
            throw new DomainException("task.not-editable");
        }

        DomainException.ThrowIfAny(details.Validate(now));
        if (!isDraft && details.BidDeadline < BidDeadline && _bids.Any(b => b.IsLive))
        {
            throw new DomainException("task.deadline-earlier", DomainErrorKind.RuleViolation);
        }
    }

    /// <summary>The deadline has passed: bids wait for a decision, or, with none, the task ends unawarded.</summary>
    public void Close(DateTimeOffset now)
    {
        EnsureStatus(CommunityTaskStatus.Open, "task.not-open");
        if (IsAcceptingBids(now))
        {
            throw new DomainException("task.deadline-not-passed");
        }

        Status = _bids.Any(b => b.IsLive) ? CommunityTaskStatus.Closed : CommunityTaskStatus.Unawarded;
        BidsOpenedAt = now;
        if (Status == CommunityTaskStatus.Unawarded)
        {
            BidsRevealedAt = now;
        }
    }

    public void Cancel(DateTimeOffset now)
    {
        if (Status is not (CommunityTaskStatus.Draft or CommunityTaskStatus.Open or CommunityTaskStatus.Closed))
        {
            throw new DomainException("task.cannot-cancel");
        }

        if (Status is CommunityTaskStatus.Closed || TaskDeadline.IsOpenPastDeadline(Status, BidDeadline, now))
        {
            // Cancelled after its deadline: the bids were due to open, and the public sees them as for an unawarded task.
            // Cancelled before it, they stay sealed for good.
            BidsOpenedAt ??= now;
            BidsRevealedAt ??= now;
        }

        foreach (var bid in _bids.Where(b => b.IsLive))
        {
            bid.Reject(now);
        }

        Status = CommunityTaskStatus.Cancelled;
        CancelledAt = now;
    }

    public Bid PlaceBid(Organization group, BidTerms terms, DateTimeOffset now)
    {
        EnsureAcceptingBids(now);
        if (BiddingEligibility.RefusalCode(group, this, JapanTime.DateOf(now)) is { } refusal)
        {
            throw new DomainException(refusal, DomainErrorKind.RuleViolation);
        }

        if (LiveBidOf(group.Id) is not null)
        {
            throw new DomainException("bid.already-placed");
        }

        DomainException.ThrowIfAny(terms.Validate(this, now));
        var bid = new Bid(Id, group.Id, terms, now);
        _bids.Add(bid);
        return bid;
    }

    /// <summary>
    /// Checks a bid exactly as <see cref="PlaceBid"/> (or, over a live bid, <see cref="ReviseBid"/>) would, changing
    /// nothing, and returns the warnings the group may go past: the confirmation step before sending. A group with
    /// <paramref name="activeContracts"/> at or above its stated capacity is warned (<c>at-capacity</c>), never refused.
    /// </summary>
    public IReadOnlyList<FieldError> CheckBid(Organization group, BidTerms terms, DateTimeOffset now, int activeContracts = 0)
    {
        EnsureAcceptingBids(now);
        if (LiveBidOf(group.Id) is null
            && BiddingEligibility.RefusalCode(group, this, JapanTime.DateOf(now)) is { } refusal)
        {
            throw new DomainException(refusal, DomainErrorKind.RuleViolation);
        }

        DomainException.ThrowIfAny(terms.Validate(this, now));
        var warnings = terms.Warnings(FeeYen, StartDate).ToList();
        if (group.IsAtCapacity(activeContracts))
        {
            warnings.Add(new FieldError("capacity", "at-capacity", group.Capacity));
        }

        return warnings;
    }

    public Bid ReviseBid(int groupId, BidTerms terms, DateTimeOffset now)
    {
        EnsureAcceptingBids(now);
        var bid = LiveBidOf(groupId) ?? throw new DomainException("bid.not-found");
        DomainException.ThrowIfAny(terms.Validate(this, now));
        bid.Revise(terms, now);
        return bid;
    }

    /// <summary>The group's bid, made before the terms changed, now stands for the current terms as it is.</summary>
    public Bid ConfirmBid(int groupId, DateTimeOffset now)
    {
        EnsureAcceptingBids(now);
        var bid = LiveBidOf(groupId) ?? throw new DomainException("bid.not-found");
        bid.ConfirmTerms();
        return bid;
    }

    public Bid WithdrawBid(int groupId, DateTimeOffset now)
    {
        EnsureAcceptingBids(now);
        var bid = LiveBidOf(groupId) ?? throw new DomainException("bid.not-found");
        bid.Withdraw(now);
        return bid;
    }

    /// <summary>
    /// A lapse of the group's standing (its certification mark expired, suspended or revoked, or its verification
    /// suspended): its live bid here is withdrawn when the task requires certification and the group no longer meets
    /// <see cref="BiddingEligibility"/> for it. Also after the bid deadline, while the bid could still be chosen.
    /// Insurance is not part of a lapse: its last day was declared before the bid and already covered the start date.
    /// </summary>
    public Bid? WithdrawBidOnLapse(Organization group, DateTimeOffset now)
    {
        if (!CertificationRequired
            || LiveBidOf(group.Id) is not { } bid
            || BiddingEligibility.MayBid(group, CertificationRequired, insuranceRequired: false, JapanTime.DateOf(now), StartDate))
        {
            return null;
        }

        bid.Withdraw(now);
        if (Status == CommunityTaskStatus.Closed && !_bids.Any(b => b.IsLive))
        {
            // Waiting for a decision with nothing left to decide on, as Close would have left it.
            Status = CommunityTaskStatus.Unawarded;
        }

        return bid;
    }

    public Bid? LiveBidOf(int groupId) => _bids.FirstOrDefault(b => b.GroupId == groupId && b.IsLive);

    public Question Ask(Organization group, string text, DateTimeOffset now)
    {
        EnsureAcceptingBids(now);
        if (!group.IsCivicGroup)
        {
            throw new DomainException("question.not-civic-group", DomainErrorKind.RuleViolation);
        }

        if (!VerificationRights.MayAskOrBid(group))
        {
            // Questions reach the association and, once answered, every group: only verified groups may ask.
            throw new DomainException("question.group-unverified", DomainErrorKind.RuleViolation);
        }

        DomainException.ThrowIfAny(new Validation().Text("text", text, Question.TextMaxLength).Errors);
        var question = new Question(Id, group.Id, text, now);
        _questions.Add(question);
        return question;
    }

    /// <summary>
    /// The association invites a group to bid: only while the task takes bids, only a group that could bid on it
    /// (<see cref="BiddingEligibility"/>: a verified civic group, certified when the task requires it), and once per
    /// group. Needs <see cref="Invitations"/> loaded.
    /// </summary>
    public TaskInvitation Invite(Organization group, DateTimeOffset now)
    {
        EnsureAcceptingBids(now);
        if (BiddingEligibility.RefusalCode(group, this, JapanTime.DateOf(now)) is { } refusal)
        {
            // The same rule as a bid, said as an invitation: bid.group-unverified -> invitation.group-unverified.
            throw new DomainException("invitation." + refusal["bid.".Length..], DomainErrorKind.RuleViolation);
        }

        if (_invitations.Any(i => i.OrganizationId == group.Id))
        {
            throw new DomainException("invitation.already-sent");
        }

        var invitation = new TaskInvitation(Id, group.Id, now);
        _invitations.Add(invitation);
        return invitation;
    }

    public bool HasInvited(int organizationId) => _invitations.Any(i => i.OrganizationId == organizationId);

    public Question AnswerQuestion(int questionId, string answer, DateTimeOffset now)
    {
        var question = _questions.FirstOrDefault(q => q.Id == questionId)
            ?? throw new DomainException("question.not-found");
        if (Status is CommunityTaskStatus.Cancelled)
        {
            throw new DomainException("task.cancelled");
        }

        DomainException.ThrowIfAny(new Validation().Text("answer", answer, Question.TextMaxLength).Errors);
        question.SetAnswer(answer, now);
        return question;
    }

    /// <summary>
    /// Chooses one bid, with a written reason. The chosen bid is accepted, every other live bid rejected,
    /// and the contract between the two sides is drawn up. A task is awarded once.
    /// </summary>
    public Contract Award(int bidId, string rationale, DateTimeOffset now, TimeSpan? signWithin = null)
    {
        if (Status == CommunityTaskStatus.Awarded)
        {
            throw new DomainException("task.already-awarded");
        }

        if (IsAcceptingBids(now))
        {
            // Bids stay sealed from each other until the deadline; awarding early would be unfair to late bidders.
            throw new DomainException("task.deadline-not-passed");
        }

        // Before closing: a refused award leaves the task exactly as it was.
        DomainException.ThrowIfAny(RationaleErrors(rationale));
        if (Status == CommunityTaskStatus.Open)
        {
            // Past its deadline but not yet closed by the sweep: closing is what the deadline already means.
            Close(now);
        }

        EnsureStatus(CommunityTaskStatus.Closed, "task.not-closed");
        var winner = _bids.FirstOrDefault(b => b.Id == bidId && b.IsLive)
            ?? throw new DomainException("bid.not-live");

        winner.Accept(now);
        foreach (var other in _bids.Where(b => b.IsLive))
        {
            other.Reject(now);
        }

        Status = CommunityTaskStatus.Awarded;
        AwardedBidId = winner.Id;
        AwardRationale = rationale.Trim();
        AwardedAt = now;
        BidsRevealedAt ??= now;
        return new Contract(this, winner, now, signWithin ?? Contract.DefaultSignWithin);
    }

    /// <summary>
    /// The one rule for an award's reason: required, at most <see cref="RationaleMaxLength"/> and at least
    /// <see cref="RationaleMinLength"/> characters (counted as characters, not UTF-16 units, spaces around it not counted).
    /// The award page checks it before its confirmation step so that a short reason is not first confirmed, then refused.
    /// </summary>
    public static IReadOnlyList<FieldError> RationaleErrors(string? rationale) => new Validation()
        .Text("rationale", rationale, RationaleMaxLength)
        .Check((rationale ?? string.Empty).Trim().EnumerateRunes().Count() >= RationaleMinLength, "rationale", "reason-too-short")
        .Errors;

    /// <summary>
    /// The winner did not sign by the deadline: the association takes the award back with a reason. The task is
    /// Closed again, the bids the award rejected are live again, and the withdrawn winner cannot win it again.
    /// </summary>
    public void WithdrawAward(Contract contract, string reason, DateTimeOffset now)
    {
        EnsureStatus(CommunityTaskStatus.Awarded, "task.not-awarded");
        if (contract.TaskId != Id || contract.BidId != AwardedBidId)
        {
            throw new DomainException("contract.not-found");
        }

        contract.WithdrawAward(reason, now);
        foreach (var bid in _bids)
        {
            if (bid.Id == AwardedBidId)
            {
                bid.LoseAward(now);
            }
            else if (bid.Status == BidStatus.Rejected)
            {
                // While a task is Awarded, only its award can have rejected a bid (cancelling ends the task).
                bid.Reinstate();
            }
        }

        Status = CommunityTaskStatus.Closed;
        AwardedBidId = null;
        AwardedAt = null;
        AwardRationale = null;
    }

    private void EnsureAcceptingBids(DateTimeOffset now)
    {
        if (!IsAcceptingBids(now))
        {
            throw new DomainException("task.not-accepting-bids");
        }
    }

    private void EnsureStatus(CommunityTaskStatus expected, string code)
    {
        if (Status != expected)
        {
            throw new DomainException(code);
        }
    }

    private void Apply(TaskDetails details)
    {
        Title = details.Title.Trim();
        Description = details.Description.Trim();
        Category = details.Category;
        Ward = details.Ward;
        Town = details.Town.Trim();
        StartDate = details.StartDate;
        EndDate = details.EndDate;
        VisitsPlanned = details.VisitsPlanned;
        IsVolunteer = details.IsVolunteer;
        FeeYen = details.FeeYen;
        BidDeadline = details.BidDeadline;
        CertificationRequired = details.CertificationRequired;
        InsuranceRequired = details.InsuranceRequired;
        HouseholdsServed = details.HouseholdsServed;
        VisitWeekdays = details.VisitWeekdays;
    }
}
