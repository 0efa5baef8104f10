using System.Net;
using System.Net.Http.Json;
using Matchboard.Web.Features.Complaints;
using Matchboard.Web.Features.Reviews;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>Anyone signed in reports a review once; city staff hide it with a reason that stands in its place.</summary>
public sealed class ReviewModerationTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    private const string Abusive = "担当者の〇〇さんは最低の人間です。";

    [Fact]
    public async Task AReportedReviewHiddenByTheCityShowsTheReasonInPlaceOfItsText()
    {
        var (steps, reviewId) = await ReleasedReviewAsync();
        var reporter = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);

        Assert.Equal(HttpStatusCode.NoContent, (await reporter.PostJsonAsync($"/api/reviews/{reviewId}/reports", new { reason = "個人を名指しで侮辱しています。" })).StatusCode);
        var twice = await reporter.PostJsonAsync($"/api/reviews/{reviewId}/reports", new { reason = "もう一度" });
        await ProblemAssert.HasCodeAsync(twice, HttpStatusCode.Conflict, "review.already-reported");
        var reported = Assert.Single(await city.GetAsync<List<ReportedReviewDto>>("/api/city/review-reports"), r => r.ReviewId == reviewId);
        Assert.Equal("個人を名指しで侮辱しています。", Assert.Single(reported.Reports).Reason);

        var hidden = await city.PostJsonAsync($"/api/city/reviews/{reviewId}/hide", new { reason = "個人への侮辱を含むため" });

        Assert.Equal(HttpStatusCode.NoContent, hidden.StatusCode);
        var record = (await factory.CreateClient().GetFromJsonAsync<OrganizationReviewsDto>($"/api/organizations/{steps.Group.OrganizationId}/reviews", ApiClient.Json))!;
        var shown = Assert.Single(record.Reviews, r => r.Id == reviewId);
        Assert.True(shown.Hidden);
        Assert.Equal("個人への侮辱を含むため", shown.HiddenReason);
        Assert.Equal(string.Empty, shown.Comment);
        var page = await factory.CreateClient().GetStringAsync($"/Organizations/{steps.Group.OrganizationId}");
        Assert.Contains("市が非表示にしました：個人への侮辱を含むため", page);
        Assert.DoesNotContain(Abusive, page);
        Assert.DoesNotContain(Abusive, await (await steps.Officer.Http.GetAsync(steps.Url("/reviews"))).Content.ReadAsStringAsync());
        Assert.DoesNotContain(await city.GetAsync<List<ReportedReviewDto>>("/api/city/review-reports"), r => r.ReviewId == reviewId);
        await ProblemAssert.HasCodeAsync(await city.PostJsonAsync($"/api/city/reviews/{reviewId}/hide", new { reason = "二度目" }), HttpStatusCode.Conflict, "review.already-hidden");

        // The report and the hiding are in the audit log, once each; the hidden text is not.
        await factory.Services.GetRequiredService<Matchboard.Web.Data.Audit.AuditSealer>().SealAsync(CancellationToken.None);
        var log = await city.GetAsync<Features.Tasks.PagedResult<Features.Audit.AuditEntryDto>>($"/api/city/audit?organizationId={steps.Group.OrganizationId}&pageSize=100");
        var hiding = Assert.Single(log.Items, e => e.Action == "review.hidden" && e.EntityId == $"{reviewId}");
        Assert.Contains("個人への侮辱を含むため", hiding.Summary);
        Assert.DoesNotContain(Abusive, hiding.Summary);
        var reports = await city.GetAsync<Features.Tasks.PagedResult<Features.Audit.AuditEntryDto>>($"/api/city/audit?action=review.reported&organizationId={reporter.OrganizationId}&pageSize=100");
        Assert.Single(reports.Items, e => e.EntityId == $"{reviewId}");
    }

    [Fact]
    public async Task OnlyCityStaffHideAReviewAndARefusalChangesNothing()
    {
        var (steps, reviewId) = await ReleasedReviewAsync();
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        Assert.Equal(HttpStatusCode.Forbidden, (await steps.Group.PostJsonAsync($"/api/city/reviews/{reviewId}/hide", new { reason = "気に入らない" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync($"/api/reviews/{reviewId}/reports", new { reason = "匿名" })).StatusCode);
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        before = await DatabaseChecksum.OfEveryTableAsync(factory);
        var problem = await ProblemAssert.IsProblemAsync(await city.PostJsonAsync($"/api/city/reviews/{reviewId}/hide", new { reason = " " }), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));

        Assert.Equal(before, await DatabaseChecksum.OfEveryTableAsync(factory));
        var record = (await factory.CreateClient().GetFromJsonAsync<OrganizationReviewsDto>($"/api/organizations/{steps.Group.OrganizationId}/reviews", ApiClient.Json))!;
        Assert.Equal(Abusive, record.Reviews.Single(r => r.Id == reviewId).Comment);
    }

    [Fact]
    public async Task ASealedReviewCannotBeReportedByAnOutsider()
    {
        var steps = await ContractSteps.CompletedAsync(factory);
        var mine = await (await steps.Officer.PostJsonAsync(steps.Url("/reviews"), new { rating = 1, comment = "封印中" })).Content.ReadFromJsonAsync<ContractReviewsDto>(ApiClient.Json);
        var outsider = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        await ProblemAssert.HasCodeAsync(await outsider.PostJsonAsync($"/api/reviews/{mine!.Reviews.Single().Id}/reports", new { reason = "見えないはず" }), HttpStatusCode.NotFound, "review.not-found");
        Assert.Equal(before, await DatabaseChecksum.OfEveryTableAsync(factory));
    }

    /// <summary>A completed contract whose two reviews are in (so released); returns the officer's review of the group.</summary>
    private async Task<(ContractSteps Steps, int ReviewId)> ReleasedReviewAsync()
    {
        var steps = await ContractSteps.CompletedAsync(factory);
        await steps.Officer.PostJsonAsync(steps.Url("/reviews"), new { rating = 1, comment = Abusive });
        var both = await (await steps.Group.PostJsonAsync(steps.Url("/reviews"), new { rating = 5, comment = "ありがとうございました。" })).Content.ReadFromJsonAsync<ContractReviewsDto>(ApiClient.Json);
        return (steps, both!.Reviews.Single(r => r.ReviewerId == steps.Officer.OrganizationId).Id);
    }
}
