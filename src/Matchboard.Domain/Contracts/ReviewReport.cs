namespace Matchboard.Domain.Contracts;

/// <summary>
/// Someone signed in reports a review to the city (通報), with a reason. One per user and review: the database's
/// unique index backs this up when two requests race.
/// </summary>
public class ReviewReport
{
    public const int ReasonMaxLength = 1000;

    private ReviewReport()
    {
        Reason = string.Empty;
        ReporterUserId = string.Empty;
    }

    private ReviewReport(int reviewId, int organizationId, string userId, string reason, DateTimeOffset now)
    {
        ReviewId = reviewId;
        ReporterOrganizationId = organizationId;
        ReporterUserId = userId;
        Reason = reason.Trim();
        ReportedAt = now;
    }

    public int Id { get; private set; }

    public int ReviewId { get; private set; }

    public int ReporterOrganizationId { get; private set; }

    public string ReporterUserId { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    /// <summary>
    /// A report of <paramref name="review"/>; <paramref name="alreadyReported"/> says whether this user reported it
    /// before. A hidden review needs no more reports.
    /// </summary>
    public static ReviewReport Of(Review review, bool alreadyReported, int organizationId, string userId, string? reason, DateTimeOffset now)
    {
        if (review.IsHidden)
        {
            throw new DomainException("review.already-hidden", DomainErrorKind.Conflict);
        }

        if (alreadyReported)
        {
            throw new DomainException("review.already-reported", DomainErrorKind.Conflict);
        }

        DomainException.ThrowIfAny(new Validation().Text("reason", reason, ReasonMaxLength).Errors);
        return new ReviewReport(review.Id, organizationId, userId, reason!, now);
    }
}
