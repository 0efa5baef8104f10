using System.Globalization;
using System.Net.Http.Json;
using Matchboard.Domain;
using Matchboard.Domain.Matching;
using Matchboard.Web.Features.Matching;
using Matchboard.Web.Features.Reviews;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>
/// The track record a ranking reads for thousands of groups at once (MatchFacts: contracts and reviews read as a few
/// columns) says what the group's public record says (ReviewService: whole contracts, by the entity's own rules).
/// </summary>
public sealed class TrackRecordMatchTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task AGroupsRankingCountsItsCompletedWorkAndOnlyTheReviewsItsPublicRecordHasReleased()
    {
        var released = await ContractSteps.CompletedAsync(factory);
        await released.Officer.PostJsonAsync(released.Url("/reviews"), new { rating = 5, comment = "毎週欠かさず訪問してくださいました。" });
        await released.Group.PostJsonAsync(released.Url("/reviews"), new { rating = 4, comment = "連絡が早く、助かりました。" });
        // Reviewed by one side only, just now: sealed, so it must not count anywhere yet.
        var sealedOne = await ContractSteps.CompletedAsync(factory);
        await sealedOne.Officer.PostJsonAsync(sealedOne.Url("/reviews"), new { rating = 1, comment = "連絡がありませんでした。" });
        var groupId = released.Group.OrganizationId;

        var request = Requests.WatchOverTask(factory.Clock.GetUtcNow());
        request["certificationRequired"] = false;
        request["insuranceRequired"] = false;
        var task = await released.Officer.PostTaskAsync(request);
        var record = (await factory.CreateClient().GetFromJsonAsync<OrganizationReviewsDto>($"/api/organizations/{groupId}/reviews", ApiClient.Json))!;
        var matches = await released.Officer.GetAsync<TaskGroupMatchesDto>($"/api/tasks/{task.Id}/matches?pageSize=100");
        var match = matches.Groups.Items.Single(g => g.OrganizationId == groupId);

        var completed = record.CompletedByCategory.Single(c => c.Category == Categories.WatchOver).Count;
        Assert.True(completed >= 2);
        Assert.Contains(record.Reviews, r => r.ContractId == released.ContractId && r.Rating == 5);
        Assert.DoesNotContain(record.Reviews, r => r.ContractId == sealedOne.ContractId);
        Assert.Equal($"この分野で{completed}件の完了", Reason(match, MatchReasons.Experience));
        Assert.Equal(
            $"評価の平均 {((decimal)record.AverageRating!.Value).ToString("0.0", CultureInfo.InvariantCulture)}（{record.ReviewCount}件）",
            Reason(match, MatchReasons.Reviews));
    }

    private static string Reason(GroupMatchDto match, string code) => Assert.Single(match.Reasons, r => r.Code == code).Text;
}
