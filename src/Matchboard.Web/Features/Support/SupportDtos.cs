using Matchboard.Domain.Support;

namespace Matchboard.Web.Features.Support;

/// <summary>A supporter near an association, as the association may see it before any acceptance: ward and categories only.</summary>
public sealed record NearbySupporterDto(int Id, string Ward, IReadOnlyList<string> Categories);

/// <summary>Who the supporter is: given to the association only once the supporter has accepted.</summary>
public sealed record SupporterContactDto(string Name, string? Email, string? Availability);

/// <summary>A request as the association that sent it sees it. <see cref="Contact"/> is null until accepted.</summary>
public sealed record SentSupportRequestDto(
    int Id,
    int TaskId,
    string TaskTitle,
    SupportRequestStatus Status,
    string? Message,
    DateTimeOffset RequestedAt,
    DateTimeOffset? ClosedAt,
    NearbySupporterDto Supporter,
    SupporterContactDto? Contact);

/// <summary>A request as the supporter sees it: who asks, for which task, and where.</summary>
public sealed record ReceivedSupportRequestDto(
    int Id,
    int TaskId,
    string TaskTitle,
    string AssociationName,
    string Ward,
    string Town,
    SupportRequestStatus Status,
    string? Message,
    DateTimeOffset RequestedAt,
    DateTimeOffset? ClosedAt);

/// <summary>Either side's view of its requests (the other list is empty).</summary>
public sealed record SupportRequestListDto(IReadOnlyList<SentSupportRequestDto> Sent, IReadOnlyList<ReceivedSupportRequestDto> Received);

public sealed record SendSupportRequest
{
    public int? SupporterId { get; init; }

    public int? TaskId { get; init; }

    public string? Message { get; init; }
}
