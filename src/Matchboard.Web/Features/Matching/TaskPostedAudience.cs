using Matchboard.Domain;
using Matchboard.Domain.Matching;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.Extensions.Options;

namespace Matchboard.Web.Features.Matching;

/// <summary>
/// The one place that decides who is told of a newly published task, and with what match: the civic groups the
/// rubric scores for it (<see cref="MatchService.ScoreGroupsAsync"/>: verified candidates), that may bid on it today
/// (<see cref="BiddingEligibility"/>), and whose score reaches <see cref="MatchNotify.MinimumScore"/>. Each gets the
/// score and its top reasons worded in Japanese and English, frozen at send time.
/// </summary>
public sealed class TaskPostedAudience(MatchService matches, UiFormat ui, TimeProvider clock, IOptions<MatchNotify> notify)
{
    /// <summary>How many reasons a push carries: the largest contributions.</summary>
    public const int TopReasons = 3;

    public async Task<IReadOnlyList<TaskPostedRecipient>> ForAsync(CommunityTask task, CancellationToken ct)
    {
        var today = JapanTime.DateOf(clock.GetUtcNow());
        var scored = await matches.ScoreGroupsAsync(task, OrganizationKind.CivicGroup, ct);
        // Thousands of recipients share a handful of distinct reasons: each is worded once per language. Groups alike
        // share one score (MatchScoring.ScoreGroups), so each score's match is built once too (it is an immutable value).
        var words = new Dictionary<MatchReason, (string Ja, string En)>(SameWords.Instance);
        var matchOf = new Dictionary<MatchScore, NotificationMatch>(ReferenceEqualityComparer.Instance);
        return scored
            .Where(r => r.Score.Total >= notify.Value.MinimumScore)
            .Where(r => BiddingEligibility.RefusalCode(r.Group.Standing, task, today) is null)
            .Select(r => new TaskPostedRecipient(
                r.Group.Id,
                matchOf.TryGetValue(r.Score, out var match) ? match : matchOf[r.Score] = MatchOf(r.Score, words)))
            .ToList();
    }

    private NotificationMatch MatchOf(MatchScore score, Dictionary<MatchReason, (string Ja, string En)> words) =>
        new(score.Total, score.TopReasons(TopReasons)
            .Select(r =>
            {
                if (!words.TryGetValue(r, out var text))
                {
                    words[r] = text = (
                        UiCulture.In(UiCulture.Japanese, () => MatchExplanations.Text(r, ui)),
                        UiCulture.In(UiCulture.English, () => MatchExplanations.Text(r, ui)));
                }

                return new NotificationMatchReason(r.Code, r.Points, r.MaxPoints, text.Ja, text.En);
            })
            .ToList());

    /// <summary>Reasons with the same code and arguments are worded alike (points do not enter the words).</summary>
    private sealed class SameWords : IEqualityComparer<MatchReason>
    {
        public static readonly SameWords Instance = new();

        public bool Equals(MatchReason? x, MatchReason? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.Code == y.Code && x.Arguments.SequenceEqual(y.Arguments));

        public int GetHashCode(MatchReason reason)
        {
            var hash = new HashCode();
            hash.Add(reason.Code);
            foreach (var argument in reason.Arguments)
            {
                hash.Add(argument);
            }

            return hash.ToHashCode();
        }
    }
}

/// <summary>A group to tell of a new task, with its match for the notification.</summary>
public sealed record TaskPostedRecipient(int GroupId, NotificationMatch Match);
