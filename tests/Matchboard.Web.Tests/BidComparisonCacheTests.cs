using System.Net.Http.Json;
using Matchboard.Domain.Bids;
using Matchboard.Domain.Matching;
using Matchboard.Web.Features.Bids;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>
/// The opened comparison is kept between views (BidComparisonCache): whatever it is computed from changing shows on the
/// very next view, on the page and in the API: an award, a group's insurance, the share-of-awards window moving on.
/// </summary>
public sealed class BidComparisonCacheTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    private const string Tamagawa = "一般社団法人 たまがわクリーンサポート";

    private async Task<ApiClient> OfficerAsync()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        officer.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja");
        return officer;
    }

    private async Task<(int Id, DateOnly Start)> PostCleanupAsync()
    {
        var task = await (await OfficerAsync()).PostTaskAsync(Requests.PaidCleanupTask(factory.Clock.GetUtcNow()));
        return (task.Id, task.StartDate);
    }

    /// <summary>Signed in afresh (the clock moves past a token's lifetime).</summary>
    private async Task<BidDto> BidAsync(string staff, int taskId, long amount, DateOnly earliestStart) =>
        await (await ApiClient.SignInAsync(factory, staff)).BidAsync(taskId, amount, earliestStart: earliestStart);

    /// <summary>A task with both groups' bids, opened (its deadline passed).</summary>
    private async Task<(int TaskId, BidDto Tamagawa, BidDto Mimamori, DateOnly Start)> OpenedComparisonAsync()
    {
        var (taskId, start) = await PostCleanupAsync();
        var tamagawa = await BidAsync(DemoAccounts.TamagawaStaff, taskId, 19_000, start);
        var mimamori = await BidAsync(DemoAccounts.MimamoriStaff, taskId, 18_000, start);
        factory.Clock.Advance(TimeSpan.FromDays(4));
        return (taskId, tamagawa, mimamori, start);
    }

    private async Task<TaskBidsDto> ListAsync(int taskId) =>
        await (await OfficerAsync()).GetAsync<TaskBidsDto>($"/api/tasks/{taskId}/bids");

    [Fact]
    public async Task AnAwardShowsOnTheNextViewOfTheOfficersPage()
    {
        var (taskId, tamagawa, _, _) = await OpenedComparisonAsync();
        var page = await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var before = await page.Http.GetStringAsync($"/Tasks/{taskId}");
        Assert.DoesNotContain($"data-status=\"{BidStatus.Accepted}\"", before);

        (await (await OfficerAsync()).AwardAsync(taskId, tamagawa.Id)).EnsureSuccessStatusCode();

        var after = await page.Http.GetStringAsync($"/Tasks/{taskId}");
        Assert.Contains($"data-status=\"{BidStatus.Accepted}\"", after);
        Assert.Equal(BidStatus.Accepted, (await ListAsync(taskId)).Bids.Single(b => b.Id == tamagawa.Id).Status);
    }

    [Fact]
    public async Task AGroupsNewInsuranceShowsOnTheNextViewEvenDeclaredAtTheSameInstant()
    {
        var (taskId, tamagawa, _, start) = await OpenedComparisonAsync();
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        string InsuranceReason(TaskBidsDto list) =>
            list.Bids.Single(b => b.Id == tamagawa.Id).Reasons!.Single(r => r.Code.StartsWith("insurance.", StringComparison.Ordinal)).Text;

        (await group.PutJsonAsync("/api/organizations/me/insurance", new { insurer = "かわさき保険", validUntil = start.AddDays(100) })).EnsureSuccessStatusCode();
        var first = InsuranceReason(await ListAsync(taskId));
        Assert.Equal(first, InsuranceReason(await ListAsync(taskId)));

        // The clock does not move: the second declaration has the same time as the first.
        (await group.PutJsonAsync("/api/organizations/me/insurance", new { insurer = "かわさき保険", validUntil = start.AddDays(200) })).EnsureSuccessStatusCode();
        var second = InsuranceReason(await ListAsync(taskId));

        Assert.NotEqual(first, second);
        var page = await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer);
        Assert.Contains(second, System.Net.WebUtility.HtmlDecode(await page.Http.GetStringAsync($"/Tasks/{taskId}")));
    }

    [Fact]
    public async Task TheShareOfAwardsFlagLeavesTheComparisonWhenTheWindowMovesPastTheAwards()
    {
        factory.Clock.Advance(TimeSpan.FromDays(400));
        for (var i = 0; i < 4; i++)
        {
            var (awarded, won, _, _) = await OpenedComparisonAsync();
            (await (await OfficerAsync()).AwardAsync(awarded, won.Id)).EnsureSuccessStatusCode();
        }

        // Opened a day before the window passes the first award (12 months): flagged; the next day, no longer.
        var (taskId, _, _, _) = await OpenedComparisonAsync();
        var flagged = await ListAsync(taskId);
        Assert.Equal(MatchReasons.ShareOfAwards, Assert.Single(flagged.Bids.Single(b => b.GroupName == Tamagawa).Flags!).Code);
        Assert.Equal(flagged.Bids.Select(b => b.Score), (await ListAsync(taskId)).Bids.Select(b => b.Score));

        factory.Clock.Advance(TimeSpan.FromDays(366));

        Assert.All((await ListAsync(taskId)).Bids, b => Assert.Empty(b.Flags!));
    }
}
