using Matchboard.Domain.Complaints;

namespace Matchboard.Web.Features.Complaints;

/// <summary>A complaint as its filer and city staff read it. <see cref="Version"/> goes back with an answer.</summary>
public sealed record ComplaintDto(
    int Id,
    ComplaintSubject Subject,
    ComplaintStatus Status,
    int FiledByOrganizationId,
    string FiledByName,
    int? TaskId,
    string TaskTitle,
    int? ContractId,
    int? ReviewId,
    string Text,
    DateTimeOffset FiledAt,
    string? Answer,
    DateTimeOffset? AnsweredAt,
    int Version);

/// <summary>How many complaints there are: still waiting for an answer, and ever filed (for the city's dashboard).</summary>
public sealed record ComplaintCountsDto(int Open, int Total);

/// <summary>
/// A complaint: about an award (<see cref="TaskId"/>), a review (<see cref="ContractId"/> and <see cref="ReviewId"/>)
/// or conduct in a contract (<see cref="ContractId"/>).
/// </summary>
public sealed record FileComplaintRequest(ComplaintSubject? Subject, int? TaskId, int? ContractId, int? ReviewId, string? Text);

public sealed record AnswerComplaintRequest(string? Answer, int? Version);

public sealed record ReportReviewRequest(string? Reason);

public sealed record HideReviewRequest(string? Reason);

/// <summary>A reported review waiting in the city's queue, with every report's reason.</summary>
public sealed record ReportedReviewDto(
    int ReviewId,
    int ContractId,
    string ReviewerName,
    string RevieweeName,
    int Rating,
    string Comment,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<ReviewReportDto> Reports);

public sealed record ReviewReportDto(string Reason, DateTimeOffset ReportedAt);
