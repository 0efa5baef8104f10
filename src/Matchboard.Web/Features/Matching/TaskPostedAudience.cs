using System.Globalization;
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
/// rubric ranks for it (<see cref="MatchService.RankGroupsAsync"/>: verified candidates), that may bid on it today
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
        var ranked = await matches.RankGroupsAsync(task, OrganizationKind.CivicGroup, ct);
        // Thousands of recipients share a handful of distinct reasons: each is worded once per language.
        var words = new Dictionary<MatchReasonKey, (string Ja, string En)>();
        return ranked
            .Where(r => BiddingEligibility.RefusalCode(r.Group, task, today) is null)
            .Where(r => r.Score.Total >= notify.Value.MinimumScore)
            .Select(r => new TaskPostedRecipient(r.Group.Id, MatchOf(r.Score, words)))
            .ToList();
    }

    private NotificationMatch MatchOf(MatchScore score, Dictionary<MatchReasonKey, (string Ja, string En)> words) =>
        new(score.Total, score.TopReasons(TopReasons)
            .Select(r =>
            {
                var key = new MatchReasonKey(r.Code, string.Join('\u001f', r.Arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture))));
                if (!words.TryGetValue(key, out var text))
                {
                    words[key] = text = (
                        UiCulture.In(UiCulture.Japanese, () => MatchExplanations.Text(r, ui)),
                        UiCulture.In(UiCulture.English, () => MatchExplanations.Text(r, ui)));
                }

                return new NotificationMatchReason(r.Code, r.Points, r.MaxPoints, text.Ja, text.En);
            })
            .ToList());

    /// <summary>A reason's code and arguments: equal keys are worded alike.</summary>
    private readonly record struct MatchReasonKey(string Code, string Arguments);
}

/// <summary>A group to tell of a new task, with its match for the notification.</summary>
public sealed record TaskPostedRecipient(int GroupId, NotificationMatch Match);
