using System.Net;
using System.Net.Http.Json;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Features.Reviews;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>Double-blind reviews after the end, one reply each, and the public record on the profile.</summary>
public sealed class ReviewApiTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    private static object Review(int rating, string comment) => new { rating, comment };

    [Fact]
    public async Task NoReviewBeforeCompletionAndNothingIsWritten()
    {
        var steps = await ContractSteps.DeliveredAsync(factory);

        var early = await steps.Officer.PostJsonAsync(steps.Url("/reviews"), Review(5, "丁寧でした。"));

        await ProblemAssert.HasCodeAsync(early, HttpStatusCode.Conflict, "review.contract-not-ended");
        Assert.Empty((await steps.Officer.GetAsync<ContractReviewsDto>(steps.Url("/reviews"))).Reviews);
        Assert.DoesNotContain((await steps.Group.NotificationsAsync()).Items, n => n.Type == NotificationType.ReviewReceived && n.ContractId == steps.ContractId);
    }

    [Fact]
    public async Task AReviewIsSealedUntilBothAreInThenBothSeeBoth()
    {
        var steps = await ContractSteps.CompletedAsync(factory);

        var mine = await (await steps.Officer.PostJsonAsync(steps.Url("/reviews"), Review(4, "毎週欠かさず訪問してくださいました。"))).Content.ReadFromJsonAsync<ContractReviewsDto>(ApiClient.Json);

        Assert.Single(mine!.Reviews);
        Assert.False(mine.Released);
        var groupView = await steps.Group.GetAsync<ContractReviewsDto>(steps.Url("/reviews"));
        Assert.Empty(groupView.Reviews);
        Assert.True(groupView.CanReview);
        Assert.Contains((await steps.Group.NotificationsAsync()).Items, n => n.Type == NotificationType.ReviewReceived && n.ContractId == steps.ContractId);
        Assert.Equal(0, (await PublicRecordAsync(steps.Group.OrganizationId)).Reviews.Count(r => r.ContractId == steps.ContractId));

        await steps.Group.PostJsonAsync(steps.Url("/reviews"), Review(5, "連絡が早く、助かりました。"));

        var officerView = await steps.Officer.GetAsync<ContractReviewsDto>(steps.Url("/reviews"));
        Assert.True(officerView.Released);
        Assert.Equal(2, officerView.Reviews.Count);
        Assert.Contains(officerView.Reviews, r => r.ReviewerId == steps.Group.OrganizationId && r.Rating == 5);
        var record = await PublicRecordAsync(steps.Group.OrganizationId);
        Assert.Contains(record.Reviews, r => r.ContractId == steps.ContractId && r.Rating == 4);
        Assert.Contains(record.CompletedByCategory, c => c.Category == "watch-over" && c.Count >= 1);
        Assert.NotNull(record.AverageRating);
    }

    [Fact]
    public async Task ASingleReviewIsReleasedFourteenDaysAfterTheEnd()
    {
        var steps = await ContractSteps.CompletedAsync(factory);
        await steps.Group.PostJsonAsync(steps.Url("/reviews"), Review(3, "集合場所の案内がもう少しほしかったです。"));

        factory.Clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        Assert.Empty((await steps.Officer.GetAsync<ContractReviewsDto>(steps.Url("/reviews"))).Reviews);

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var released = await steps.Officer.GetAsync<ContractReviewsDto>(steps.Url("/reviews"));
        Assert.True(released.Released);
        Assert.Equal(3, Assert.Single(released.Reviews).Rating);
    }

    [Fact]
    public async Task ReviewingTwiceOrWithTooLongACommentIsRefused()
    {
        var steps = await ContractSteps.CompletedAsync(factory);

        var tooLong = await steps.Officer.PostJsonAsync(steps.Url("/reviews"), Review(9, new string('あ', 100_000)));
        var problem = await ProblemAssert.IsProblemAsync(tooLong, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("comment", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("rating", out _));
        Assert.Empty((await steps.Officer.GetAsync<ContractReviewsDto>(steps.Url("/reviews"))).Reviews);

        await steps.Officer.PostJsonAsync(steps.Url("/reviews"), Review(4, "良かったです。"));
        var twice = await steps.Officer.PostJsonAsync(steps.Url("/reviews"), Review(1, "やはり"));

        await ProblemAssert.HasCodeAsync(twice, HttpStatusCode.Conflict, "review.already-submitted");
        Assert.Equal(4, Assert.Single((await steps.Officer.GetAsync<ContractReviewsDto>(steps.Url("/reviews"))).Reviews).Rating);
    }

    [Fact]
    public async Task OutsidersCannotReadOrWriteAContractsReviews()
    {
        var steps = await ContractSteps.CompletedAsync(factory);
        var outsider = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);

        await ProblemAssert.HasCodeAsync(await outsider.Http.GetAsync(steps.Url("/reviews")), HttpStatusCode.Forbidden, "contract.not-yours");
        await ProblemAssert.HasCodeAsync(await outsider.PostJsonAsync(steps.Url("/reviews"), Review(1, "部外者")), HttpStatusCode.Forbidden, "contract.not-yours");
        Assert.Empty((await steps.Officer.GetAsync<ContractReviewsDto>(steps.Url("/reviews"))).Reviews);
    }

    [Fact]
    public async Task TheReviewedSideRepliesOnceAfterRelease()
    {
        var steps = await ContractSteps.CompletedAsync(factory);
        var sealedReview = (await (await steps.Officer.PostJsonAsync(steps.Url("/reviews"), Review(2, "二度、連絡なく遅れました。"))).Content.ReadFromJsonAsync<ContractReviewsDto>(ApiClient.Json))!.Reviews.Single();
        var replyUrl = steps.Url($"/reviews/{sealedReview.Id}/reply");

        await ProblemAssert.HasCodeAsync(await steps.Group.PostJsonAsync(replyUrl, new { text = "早すぎる返信" }), HttpStatusCode.Conflict, "review.not-released");
        await steps.Group.PostJsonAsync(steps.Url("/reviews"), Review(4, "協力的でした。"));

        var replied = await steps.Group.PostJsonAsync(replyUrl, new { text = "ご迷惑をおかけしました。連絡の手順を見直しました。" });
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        await ProblemAssert.HasCodeAsync(await steps.Group.PostJsonAsync(replyUrl, new { text = "二度目" }), HttpStatusCode.Conflict, "review.already-replied");
        await ProblemAssert.HasCodeAsync(await steps.Officer.PostJsonAsync(replyUrl, new { text = "自分の評価に" }), HttpStatusCode.Conflict, "review.not-found");

        var record = await PublicRecordAsync(steps.Group.OrganizationId);
        Assert.Equal("ご迷惑をおかけしました。連絡の手順を見直しました。", record.Reviews.Single(r => r.Id == sealedReview.Id).Reply);
    }

    private async Task<OrganizationReviewsDto> PublicRecordAsync(int organizationId) =>
        (await factory.CreateClient().GetFromJsonAsync<OrganizationReviewsDto>($"/api/organizations/{organizationId}/reviews", ApiClient.Json))!;
}
