using System.Net;
using System.Net.Http.Json;
using Matchboard.Domain.Bids;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Bids;
using Matchboard.Web.Features.Contracts;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// The sign-in cookie goes with every request the browser makes, whichever site made it. Unsafe API requests
/// signed in by it need the page's antiforgery token in a header and one of the site's own origins.
/// </summary>
public sealed class CrossSiteRequestTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    private static FormUrlEncodedContent Form() => new([new("reason", "x")]);

    [Fact]
    public async Task AFormPostedFromAnotherSiteWithTheCookieCannotCancelATaskNorRejectItsBids()
    {
        var (officer, task, bid) = await OpenTaskWithABidAsync();
        var cookie = await CookieSession.SignInAsync(factory, DemoAccounts.KizukiOfficer);

        var bare = await cookie.SendAsync(HttpMethod.Post, $"/api/tasks/{task.Id}/cancel", Form(), origin: CookieSession.ForeignOrigin);
        var withToken = await cookie.SendAsync(HttpMethod.Post, $"/api/tasks/{task.Id}/cancel", Form(), origin: CookieSession.ForeignOrigin, token: cookie.CsrfToken);

        var problem = await ProblemAssert.HasCodeAsync(bare, HttpStatusCode.Forbidden, "cross-site.origin");
        Assert.Equal("ほかのサイトからの操作は受け付けていません。Matchboard の画面からもう一度お試しください。", problem.GetProperty("detail").GetString());
        await ProblemAssert.HasCodeAsync(withToken, HttpStatusCode.Forbidden, "cross-site.origin");
        await AssertStillOpenWithLiveBidAsync(officer, task.Id, bid.Id);
    }

    [Fact]
    public async Task ASignatureFromTheSiteItselfButWithoutTheTokenIsRefusedAndTheContractStaysUnsigned()
    {
        var steps = await ContractSteps.ReadyToSignAsync(factory);
        var cookie = await CookieSession.SignInAsync(factory, DemoAccounts.KizukiOfficer, "en");
        var url = $"/api/contracts/{steps.ContractId}/sign";

        var foreign = await cookie.SendAsync(HttpMethod.Post, url, origin: CookieSession.ForeignOrigin);
        var noToken = await cookie.SendAsync(HttpMethod.Post, url, origin: cookie.SiteOrigin);
        var badToken = await cookie.SendAsync(HttpMethod.Post, url, origin: cookie.SiteOrigin, token: "not-a-token");
        var tokenInTheForm = await cookie.SendAsync(HttpMethod.Post, url, new FormUrlEncodedContent([new("__RequestVerificationToken", cookie.CsrfToken)]), origin: cookie.SiteOrigin);

        await ProblemAssert.HasCodeAsync(foreign, HttpStatusCode.Forbidden, "cross-site.origin");
        var problem = await ProblemAssert.HasCodeAsync(noToken, HttpStatusCode.Forbidden, "cross-site.token");
        Assert.Equal("This page has expired, so the request was not accepted. Please reload the page and try again.", problem.GetProperty("detail").GetString());
        await ProblemAssert.HasCodeAsync(badToken, HttpStatusCode.Forbidden, "cross-site.token");
        await ProblemAssert.HasCodeAsync(tokenInTheForm, HttpStatusCode.Forbidden, "cross-site.token");
        var contract = await steps.Officer.GetAsync<ContractDto>($"/api/contracts/{steps.ContractId}");
        Assert.Null(contract.AssociationSignedAt);
        Assert.Equal(ContractStatus.PendingSignatures, contract.Status);
    }

    [Fact]
    public async Task TheSitesOwnScriptSignsWithTheTokenAndItsOrigin()
    {
        var steps = await ContractSteps.ReadyToSignAsync(factory);
        var cookie = await CookieSession.SignInAsync(factory, DemoAccounts.KizukiOfficer);

        var signed = await cookie.SendAsync(HttpMethod.Post, $"/api/contracts/{steps.ContractId}/sign", origin: cookie.SiteOrigin, token: cookie.CsrfToken);

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.NotNull((await steps.Officer.GetAsync<ContractDto>($"/api/contracts/{steps.ContractId}")).AssociationSignedAt);
    }

    [Fact]
    public async Task ARefererStandsInForAMissingOriginButARequestNamingNeitherIsRefused()
    {
        var (officer, task, bid) = await OpenTaskWithABidAsync();
        var cookie = await CookieSession.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var url = $"/api/tasks/{task.Id}/cancel";

        var neither = await cookie.SendAsync(HttpMethod.Post, url, token: cookie.CsrfToken);
        var foreignReferer = await cookie.SendAsync(HttpMethod.Post, url, referer: CookieSession.ForeignOrigin + "/page", token: cookie.CsrfToken);
        var nullOrigin = await cookie.SendAsync(HttpMethod.Post, url, origin: "null", referer: $"{cookie.SiteOrigin}/Tasks/{task.Id}", token: cookie.CsrfToken);

        await ProblemAssert.HasCodeAsync(neither, HttpStatusCode.Forbidden, "cross-site.origin");
        await ProblemAssert.HasCodeAsync(foreignReferer, HttpStatusCode.Forbidden, "cross-site.origin");
        await ProblemAssert.HasCodeAsync(nullOrigin, HttpStatusCode.Forbidden, "cross-site.origin");
        await AssertStillOpenWithLiveBidAsync(officer, task.Id, bid.Id);

        var ownReferer = await cookie.SendAsync(HttpMethod.Post, url, referer: $"{cookie.SiteOrigin}/Tasks/{task.Id}", token: cookie.CsrfToken);
        Assert.Equal(HttpStatusCode.OK, ownReferer.StatusCode);
        Assert.Equal(CommunityTaskStatus.Cancelled, (await officer.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}")).Status);
    }

    [Fact]
    public async Task BearerWritesAndCookieReadsAreUnaffected()
    {
        var (officer, task, _) = await OpenTaskWithABidAsync();
        var cookie = await CookieSession.SignInAsync(factory, DemoAccounts.KizukiOfficer);

        var read = await cookie.SendAsync(HttpMethod.Get, $"/api/tasks/{task.Id}/bids", origin: CookieSession.ForeignOrigin);
        using var bearerWrite = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{task.Id}/cancel");
        bearerWrite.Headers.Add("Origin", CookieSession.ForeignOrigin);
        var cancelled = await officer.Http.SendAsync(bearerWrite);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(CommunityTaskStatus.Cancelled, (await officer.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}")).Status);
    }

    private async Task<(ApiClient Officer, TaskDetailDto Task, BidDto Bid)> OpenTaskWithABidAsync()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var task = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        return (officer, task, await group.BidAsync(task.Id));
    }

    private async Task AssertStillOpenWithLiveBidAsync(ApiClient officer, int taskId, int bidId)
    {
        Assert.Equal(CommunityTaskStatus.Open, (await officer.GetAsync<TaskDetailDto>($"/api/tasks/{taskId}")).Status);
        // The bid itself is sealed from the officer until the deadline: read it where it is stored.
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        Assert.Equal(BidStatus.Submitted, (await db.Bids.AsNoTracking().SingleAsync(b => b.Id == bidId)).Status);
    }
}

/// <summary>Pages served under a configured name (<c>Matchboard:SiteOrigins</c>) may write through the API reached by another.</summary>
public sealed class ConfiguredSiteOriginTests(ConfiguredSiteOriginTests.Factory factory) : IClassFixture<ConfiguredSiteOriginTests.Factory>
{
    public sealed class Factory : MatchboardFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Matchboard:SiteOrigins:0", "https://matchboard.example.jp");
        }
    }

    [Fact]
    public async Task AConfiguredOriginMayWriteAndOthersMayNot()
    {
        var steps = await ContractSteps.ReadyToSignAsync(factory);
        var cookie = await CookieSession.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var url = $"/api/contracts/{steps.ContractId}/sign";

        var lookalike = await cookie.SendAsync(HttpMethod.Post, url, origin: "https://matchboard.example.jp.evil.example", token: cookie.CsrfToken);
        var otherPort = await cookie.SendAsync(HttpMethod.Post, url, origin: "https://matchboard.example.jp:8443", token: cookie.CsrfToken);
        await ProblemAssert.HasCodeAsync(lookalike, HttpStatusCode.Forbidden, "cross-site.origin");
        await ProblemAssert.HasCodeAsync(otherPort, HttpStatusCode.Forbidden, "cross-site.origin");
        Assert.Null((await steps.Officer.GetAsync<ContractDto>($"/api/contracts/{steps.ContractId}")).AssociationSignedAt);

        var configured = await cookie.SendAsync(HttpMethod.Post, url, origin: "https://MATCHBOARD.example.jp:443", token: cookie.CsrfToken);
        Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
    }
}
