using Matchboard.Domain.Notifications;

namespace Matchboard.Web.Features.Notifications;

/// <summary>What the hub pushes as <c>notification</c> and what <c>GET /api/notifications</c> lists.</summary>
public sealed record NotificationDto
{
    /// <summary>The organization's own number for it: 1, 2, 3… in commit order, no gaps.</summary>
    public long Sequence { get; init; }

    public NotificationType Type { get; init; }

    /// <summary>Null for a notification not about a task.</summary>
    public int? TaskId { get; init; }

    /// <summary>Its own page when it is not about a task, contract or alert (see NotificationLinks).</summary>
    public string? Path { get; init; }

    public int? BidId { get; init; }

    public int? ContractId { get; init; }

    public int? AlertId { get; init; }

    public bool IsUrgent { get; init; }

    public required string Title { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public bool IsRead { get; init; }

    /// <summary>
    /// For a TaskPosted: the task's score for this organization and its top reasons, as sent (the push and the feed
    /// carry the same, each reason in Japanese and English, since one push reaches readers of both); null otherwise.
    /// </summary>
    public NotificationMatchDto? Match { get; init; }

    /// <summary>Who caused it (null for a sweep): live.js shows no notice to the person who acted.</summary>
    public string? ActorUserId { get; init; }
}

public sealed record NotificationMatchDto
{
    public int Score { get; init; }

    /// <summary>The largest contributions, largest first.</summary>
    public required IReadOnlyList<NotificationMatchReasonDto> Reasons { get; init; }
}

/// <summary>One reason: its code (MatchReasons), its points of at most <see cref="MaxPoints"/>, its words in Japanese and English.</summary>
public sealed record NotificationMatchReasonDto
{
    public required string Code { get; init; }

    public int Points { get; init; }

    public int MaxPoints { get; init; }

    public required string Ja { get; init; }

    public required string En { get; init; }
}

public sealed record NotificationPageDto
{
    public required IReadOnlyList<NotificationDto> Items { get; init; }

    public int Unread { get; init; }

    /// <summary>More follow this page: ask again with <c>?after=</c> the last sequence listed, until this is false.</summary>
    public bool HasMore { get; init; }
}

public sealed record MarkReadRequest(long? UpTo);
