namespace Matchboard.Domain.Notifications;

/// <summary>
/// How well a task fits the organization a <see cref="NotificationType.TaskPosted"/> went to: the rubric's score and
/// its top reasons, frozen when the notification was sent. The push goes to an organization, not to one reader, and
/// its members read Japanese or English, so each reason keeps its words in both languages as written at send time:
/// the stored feed then shows exactly what was pushed, even after the rubric's weights or wording change.
/// </summary>
public sealed record NotificationMatch(int Score, IReadOnlyList<NotificationMatchReason> Reasons);

/// <summary>One reason of a <see cref="NotificationMatch"/>: its stable code, points of at most <see cref="MaxPoints"/>, and its words.</summary>
public sealed record NotificationMatchReason(string Code, int Points, int MaxPoints, string Ja, string En);
