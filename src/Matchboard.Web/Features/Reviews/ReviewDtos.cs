namespace Matchboard.Web.Features.Reviews;

/// <summary>
/// One review. A review city staff hid has <see cref="Hidden"/> with <see cref="HiddenReason"/> shown in its place:
/// its comment is empty and its rating 0 (and not counted in the average), wherever it is read.
/// </summary>
public sealed record ReviewDto(
    int Id,
    int ContractId,
    int ReviewerId,
    string ReviewerName,
    int RevieweeId,
    string RevieweeName,
    int Rating,
    string Comment,
    DateTimeOffset SubmittedAt,
    string? Reply,
    DateTimeOffset? RepliedAt,
    bool Hidden = false,
    string? HiddenReason = null);

/// <summary>
/// One contract's reviews as a side sees them: its own always, the other's only once released
/// (both submitted, or <see cref="ReleasesAt"/> passed).
/// </summary>
public sealed record ContractReviewsDto(
    int ContractId,
    bool CanReview,
    bool WeHaveReviewed,
    bool Released,
    DateTimeOffset? ReleasesAt,
    IReadOnlyList<ReviewDto> Reviews);

public sealed record CategoryCountDto(string Category, int Count);

/// <summary>What the public sees of an organization's track record: released reviews only.</summary>
public sealed record OrganizationReviewsDto(
    int OrganizationId,
    string Name,
    double? AverageRating,
    int ReviewCount,
    IReadOnlyList<CategoryCountDto> CompletedByCategory,
    IReadOnlyList<ReviewDto> Reviews);

public sealed record ReviewRequest(int? Rating, string? Comment);

public sealed record ReplyRequest(string? Text);
