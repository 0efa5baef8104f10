namespace Matchboard.Domain.Bids;

/// <summary>A civic group's sealed offer on a task. Changed only through its task.</summary>
public class Bid
{
    private Bid()
    {
        Proposal = string.Empty;
    }

    internal Bid(int taskId, int groupId, BidTerms terms, DateTimeOffset now)
    {
        TaskId = taskId;
        GroupId = groupId;
        Proposal = terms.Proposal;
        Apply(terms);
        Status = BidStatus.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }

    public int TaskId { get; private set; }

    public int GroupId { get; private set; }

    /// <summary>Read-only navigation for queries; never assigned by the domain.</summary>
    public Organizations.Organization? Group { get; private set; }

    public long AmountYen { get; private set; }

    public string Proposal { get; private set; }

    public int StaffPlanned { get; private set; }

    public DateOnly EarliestStart { get; private set; }

    public BidStatus Status { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>When the group last changed its bid (placed, revised, withdrew): the association's decisions never move it.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the association last decided about this bid (award, rejection, cancellation, withdrawn award); null while it is in the running.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>
    /// Made before the task's dates, fee or requirements changed (「変更前の内容への提案」): still live and
    /// awardable, until the group confirms it or revises it.
    /// </summary>
    public bool ForEarlierTerms { get; private set; }

    /// <summary>Still in the running: see <see cref="BidStatuses.IsLive"/>.</summary>
    public bool IsLive => BidStatuses.IsLive(Status);

    internal void Revise(BidTerms terms, DateTimeOffset now)
    {
        Apply(terms);
        ForEarlierTerms = false;
        Status = BidStatus.Revised;
        UpdatedAt = now;
    }

    internal void MarkForEarlierTerms() => ForEarlierTerms = true;

    /// <summary>The group stands by its bid under the current terms; the offer itself is unchanged.</summary>
    internal void ConfirmTerms() => ForEarlierTerms = false;

    internal void Withdraw(DateTimeOffset now)
    {
        Status = BidStatus.Withdrawn;
        UpdatedAt = now;
    }

    internal void Accept(DateTimeOffset now)
    {
        DecidedAt = now;
        Status = BidStatus.Accepted;
    }

    internal void Reject(DateTimeOffset now)
    {
        DecidedAt = now;
        Status = BidStatus.Rejected;
    }

    internal void LoseAward(DateTimeOffset now)
    {
        DecidedAt = now;
        Status = BidStatus.AwardWithdrawn;
    }

    /// <summary>A bid rejected only because another won is back in the running when that award is withdrawn.</summary>
    internal void Reinstate()
    {
        // Undecided again, and still the group's own bid as the group last left it: UpdatedAt stays.
        Status = BidStatus.Submitted;
        DecidedAt = null;
    }

    private void Apply(BidTerms terms)
    {
        AmountYen = terms.AmountYen;
        Proposal = terms.Proposal.Trim();
        StaffPlanned = terms.StaffPlanned;
        EarliestStart = terms.EarliestStart;
    }
}
