using System.Net;
using System.Net.Http.Json;
using Matchboard.Domain.Bids;
using Matchboard.Web.Features.Bids;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>A bid's 「最後に変更した日時」 is the group's own; the association's decision is recorded beside it.</summary>
public sealed class BidHistoryTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task AnAwardKeepsEachBidsLastChangeAndRecordsWhenItWasDecided()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var winner = await (await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff)).BidAsync(task.Id, 10_000);
        var other = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        await other.BidAsync(task.Id, 11_000);
        factory.Clock.Advance(TimeSpan.FromHours(5));
        var revise = await other.Http.PutAsJsonAsync($"/api/tasks/{task.Id}/bids/mine", Requests.Bid(10_500, earliestStart: task.StartDate));
        revise.EnsureSuccessStatusCode();
        var revisedAt = factory.Clock.GetUtcNow();
        factory.Clock.Advance(TimeSpan.FromDays(4));
        var decidedAt = factory.Clock.GetUtcNow();

        Assert.Equal(HttpStatusCode.OK, (await officer.AwardAsync(task.Id, winner.Id)).StatusCode);

        var bids = (await officer.GetAsync<TaskBidsDto>($"/api/tasks/{task.Id}/bids")).Bids;
        var accepted = bids.Single(b => b.Id == winner.Id);
        Assert.Equal(BidStatus.Accepted, accepted.Status);
        Assert.Equal(winner.UpdatedAt, accepted.UpdatedAt);
        Assert.Equal(decidedAt, accepted.DecidedAt);
        var rejected = await other.GetAsync<BidDto>($"/api/tasks/{task.Id}/bids/mine");
        Assert.Equal(BidStatus.Rejected, rejected.Status);
        Assert.Equal(revisedAt, rejected.UpdatedAt);
        Assert.Equal(decidedAt, rejected.DecidedAt);
    }

    [Fact]
    public async Task TheTaskPageShowsTheGroupsLastChangeAndTheDecisionApart()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var bid = await (await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff)).BidAsync(task.Id, 10_000);
        factory.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(HttpStatusCode.OK, (await officer.AwardAsync(task.Id, bid.Id)).StatusCode);
        var group = await PageClient.CreateAsync(factory, DemoAccounts.TamagawaStaff);
        var owner = await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer);

        var groupView = await group.Http.GetStringAsync($"/Tasks/{task.Id}");
        var ownerView = await owner.Http.GetStringAsync($"/Tasks/{task.Id}");

        var placed = JapaneseDateTime(bid.UpdatedAt);
        var decided = JapaneseDateTime(factory.Clock.GetUtcNow());
        Assert.NotEqual(placed, decided);
        Assert.Contains($"<dd id=\"my-bid-updated\">{placed}</dd>", groupView);
        Assert.Contains($"<dd id=\"my-bid-decided\">{decided}</dd>", groupView);
        Assert.Contains("最後に変更した日時", groupView);
        Assert.Contains("結果が決まった日時", groupView);
        Assert.Contains($"<dd class=\"bid-updated\">{placed}</dd>", ownerView);
        Assert.Contains($"<dd class=\"bid-decided\">{decided}</dd>", ownerView);
    }

    /// <summary>An instant as the Japanese pages write it (UiFormat.DateTime).</summary>
    private static string JapaneseDateTime(DateTimeOffset instant)
    {
        var local = instant.ToOffset(Domain.JapanTime.Offset);
        return local.ToString("yyyy年M月d日(ddd) H:mm", System.Globalization.CultureInfo.GetCultureInfo("ja-JP"));
    }
}
