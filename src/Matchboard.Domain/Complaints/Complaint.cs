using Matchboard.Domain.Contracts;
using Matchboard.Domain.Tasks;

namespace Matchboard.Domain.Complaints;

/// <summary>
/// 苦情: an organization's complaint to the city about an award, a review or someone's conduct, and the city's one
/// answer. Who may file about what is decided here, from the task or contract the complaint is about.
/// </summary>
public class Complaint
{
    public const int TextMaxLength = 4000;
    public const int AnswerMaxLength = 4000;

    private Complaint()
    {
        Text = string.Empty;
        FiledByUserId = string.Empty;
    }

    private Complaint(ComplaintSubject subject, int filedBy, string userId, int? taskId, int? contractId, int? reviewId, string text, DateTimeOffset now)
    {
        Subject = subject;
        FiledByOrganizationId = filedBy;
        FiledByUserId = userId;
        TaskId = taskId;
        ContractId = contractId;
        ReviewId = reviewId;
        Text = text.Trim();
        FiledAt = now;
        Status = ComplaintStatus.Filed;
    }

    public int Id { get; private set; }

    public ComplaintSubject Subject { get; private set; }

    public ComplaintStatus Status { get; private set; }

    /// <summary>The organization that filed it: the one told of the answer, and the only one besides the city that reads it.</summary>
    public int FiledByOrganizationId { get; private set; }

    public string FiledByUserId { get; private set; }

    /// <summary>The task concerned (always set: the award's task, or the contract's task).</summary>
    public int? TaskId { get; private set; }

    /// <summary>The contract concerned, for a review or conduct complaint.</summary>
    public int? ContractId { get; private set; }

    /// <summary>The review concerned, for a review complaint.</summary>
    public int? ReviewId { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    public string? Answer { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public string? AnsweredByUserId { get; private set; }

    /// <summary>
    /// A complaint about how <paramref name="task"/> was awarded, by a group that bid on it (a withdrawn bid counts:
    /// it took part). Only once the task is awarded; anyone else gets <c>complaint.not-a-bidder</c>.
    /// </summary>
    public static Complaint AboutAward(CommunityTask task, int filedBy, string userId, string? text, DateTimeOffset now)
    {
        if (task.Bids.All(b => b.GroupId != filedBy))
        {
            throw new DomainException("complaint.not-a-bidder", DomainErrorKind.RuleViolation);
        }

        if (task.AwardedBidId is null)
        {
            throw new DomainException("complaint.not-awarded", DomainErrorKind.Conflict);
        }

        Validate(text);
        return new Complaint(ComplaintSubject.Award, filedBy, userId, task.Id, null, null, text!, now);
    }

    /// <summary>A complaint about the other side's conduct, by a party to <paramref name="contract"/>.</summary>
    public static Complaint AboutConduct(Contract contract, int filedBy, string userId, string? text, DateTimeOffset now)
    {
        RequireParty(contract, filedBy);
        Validate(text);
        return new Complaint(ComplaintSubject.Conduct, filedBy, userId, contract.TaskId, contract.Id, null, text!, now);
    }

    /// <summary>
    /// A complaint about a review in <paramref name="contract"/>, by a party to it; the review must be one the filer
    /// can read (its own, or the other's once released).
    /// </summary>
    public static Complaint AboutReview(Contract contract, int reviewId, int filedBy, string userId, string? text, DateTimeOffset now)
    {
        RequireParty(contract, filedBy);
        if (contract.ReviewsVisibleTo(filedBy, now).All(r => r.Id != reviewId))
        {
            throw new DomainException("complaint.review-not-found", DomainErrorKind.RuleViolation);
        }

        Validate(text);
        return new Complaint(ComplaintSubject.Review, filedBy, userId, contract.TaskId, contract.Id, reviewId, text!, now);
    }

    /// <summary>City staff answer, once: a second answer (two staff at once, or later) is refused.</summary>
    public void AnswerWith(string? answer, string userId, DateTimeOffset now)
    {
        if (Status != ComplaintStatus.Filed)
        {
            throw new DomainException("complaint.already-answered", DomainErrorKind.Conflict);
        }

        DomainException.ThrowIfAny(new Validation().Text("answer", answer, AnswerMaxLength).Errors);
        Answer = answer!.Trim();
        AnsweredAt = now;
        AnsweredByUserId = userId;
        Status = ComplaintStatus.Answered;
    }

    private static void RequireParty(Contract contract, int organizationId)
    {
        if (contract.AssociationId != organizationId && contract.ProviderId != organizationId)
        {
            throw new DomainException("complaint.not-a-party", DomainErrorKind.RuleViolation);
        }
    }

    private static void Validate(string? text) =>
        DomainException.ThrowIfAny(new Validation().Text("text", text, TextMaxLength).Errors);
}
