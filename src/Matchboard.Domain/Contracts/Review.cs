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

    internal void SetReply(string reply, DateTimeOffset now)
    {
        Reply = reply;
        RepliedAt = now;
    }
}
