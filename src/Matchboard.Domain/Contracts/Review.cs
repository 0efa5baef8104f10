namespace Matchboard.Domain.Contracts;

/// <summary>
/// One side's 評価 of the other after the contract ended: 1–5 and a comment, and the reviewed side's one reply.
/// Written only through its <see cref="Contract"/>, which also decides who may read it.
/// </summary>
public class Review
{
    public const int CommentMaxLength = 2000;
    public const int ReplyMaxLength = 2000;
    public const int MinRating = 1;
    public const int MaxRating = 5;
    public const int HiddenReasonMaxLength = 500;

    private Review()
    {
        Comment = string.Empty;
    }

    internal Review(int contractId, int reviewerId, int revieweeId, int rating, string comment, DateTimeOffset now)
    {
        ContractId = contractId;
        ReviewerId = reviewerId;
        RevieweeId = revieweeId;
        Rating = rating;
        Comment = comment;
        SubmittedAt = now;
    }

    public int Id { get; private set; }

    public int ContractId { get; private set; }

    /// <summary>The organization that wrote the review.</summary>
    public int ReviewerId { get; private set; }

    /// <summary>The organization the review is about; it may reply once.</summary>
    public int RevieweeId { get; private set; }

    public int Rating { get; private set; }

    public string Comment { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public string? Reply { get; private set; }

    public DateTimeOffset? RepliedAt { get; private set; }

    /// <summary>When city staff hid the review (its text is then never shown; the reason is, in its place).</summary>
    public DateTimeOffset? HiddenAt { get; private set; }

    /// <summary>Why city staff hid it: shown where the text was.</summary>
    public string? HiddenReason { get; private set; }

    public string? HiddenByUserId { get; private set; }

    public bool IsHidden => HiddenAt is not null;

    /// <summary>
    /// City staff hide the review, with a reason that stays visible in its place. Once: hiding a hidden review
    /// (two staff at once) is refused, so the first reason stands.
    /// </summary>
    public void Hide(string? reason, string userId, DateTimeOffset now)
    {
        if (IsHidden)
        {
            throw new DomainException("review.already-hidden", DomainErrorKind.Conflict);
        }

        DomainException.ThrowIfAny(new Validation().Text("reason", reason, HiddenReasonMaxLength).Errors);
        HiddenReason = reason!.Trim();
        HiddenAt = now;
        HiddenByUserId = userId;
    }

    internal void SetReply(string reply, DateTimeOffset now)
    {
        Reply = reply;
        RepliedAt = now;
    }
}
