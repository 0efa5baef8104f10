using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Matchboard.Domain;
using Matchboard.Domain.Matching;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Bids;
using Matchboard.Web.Features.Contracts;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// The opened comparison by the published rubric: GET /api/tasks/{id}/bids scores and explains each bid once the bids
/// open, in the rubric's order or by amount; the share-of-awards flag; the officer's page shows the same.
/// </summary>
public sealed class BidComparisonScoringTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    private const string Tamagawa = "一般社団法人 たまがわクリーンサポート";
    private const string Mimamori = "NPO法人 なかはら見守りネット";

    /// <summary>A paid clean-up in 高津区 for 溝口一丁目町内会 (fee 20,000 yen), no certification or insurance needed.</summary>
    private async Task<(int Id, DateOnly Start)> PostCleanupAsync()
    {
        var task = await (await OfficerAsync()).PostTaskAsync(Requests.PaidCleanupTask(factory.Clock.GetUtcNow()));
        return (task.Id, task.StartDate);
    }

    /// <summary>Signed in afresh (the clock moves past a token's lifetime).</summary>
    private async Task<BidDto> BidAsync(string staff, int taskId, long amount, DateOnly earliestStart) =>
        await (await ApiClient.SignInAsync(factory, staff)).BidAsync(taskId, amount, earliestStart: earliestStart);

    /// <summary>Signed in afresh: the tests move the clock past an access token's lifetime.</summary>
    private async Task<ApiClient> OfficerAsync(string language = "ja")
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        officer.Http.DefaultRequestHeaders.AcceptLanguage.Clear();
        officer.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return officer;
    }

    private async Task<TaskBidsDto> ListAsync(int taskId, string query = "", string language = "ja") =>
        await (await OfficerAsync(language)).GetAsync<TaskBidsDto>($"/api/tasks/{taskId}/bids{query}");

    [Fact]
    public async Task AfterTheDeadlineEachBidIsScoredByItsReasonsAndListedInThePublishedOrder()
    {
        var (taskId, start) = await PostCleanupAsync();
        // Over the fee but on time; within the fee but five days late.
        var over = await BidAsync(DemoAccounts.TamagawaStaff, taskId, 30_000, start);
        var late = await BidAsync(DemoAccounts.MimamoriStaff, taskId, 15_000, start.AddDays(5));
        factory.Clock.Advance(TimeSpan.FromDays(4));

        var list = await ListAsync(taskId);

        Assert.Equal(BidSort.Score, list.Sort);
        Assert.Equal(2, list.Bids.Count);
        Assert.All(list.Bids, b =>
        {
            Assert.NotNull(b.Score);
            Assert.NotNull(b.MeetsRequirements);
            Assert.Equal(b.Score, b.Reasons!.Sum(r => r.Points));
            Assert.All(b.Reasons!, r => Assert.NotEqual(r.Code, r.Text));
            Assert.NotNull(b.Flags);
        });
        var expected = list.Bids.OrderByDescending(b => b.MeetsRequirements).ThenByDescending(b => b.Score).ThenBy(b => b.Id).Select(b => b.Id);
        Assert.Equal(expected, list.Bids.Select(b => b.Id));

        var overBid = list.Bids.Single(b => b.Id == over.Id);
        var lateBid = list.Bids.Single(b => b.Id == late.Id);
        var overPrice = Assert.Single(overBid.Reasons!, r => r.Code == MatchReasons.PriceOverFee);
        var withinPrice = Assert.Single(lateBid.Reasons!, r => r.Code == MatchReasons.PriceWithinFee);
        Assert.True(overPrice.Points < withinPrice.Points, $"over the fee {overPrice.Points}, within it {withinPrice.Points}");
        Assert.Equal("金額が謝礼を50%上回ります（¥30,000／謝礼 ¥20,000）", overPrice.Text);
        var onTime = Assert.Single(overBid.Reasons!, r => r.Code == MatchReasons.StartOnTime);
        var lateStart = Assert.Single(lateBid.Reasons!, r => r.Code == MatchReasons.StartLate);
        Assert.True(lateStart.Points < onTime.Points, $"late {lateStart.Points}, on time {onTime.Points}");
        Assert.Matches("^開始が5日遅れます", lateStart.Text);
    }

    [Fact]
    public async Task SortByAmountGivesTheLowestAmountFirstAndTheReasonsInEnglishWhenAsked()
    {
        var (taskId, start) = await PostCleanupAsync();
        await BidAsync(DemoAccounts.TamagawaStaff, taskId, 19_000, start);
        await BidAsync(DemoAccounts.MimamoriStaff, taskId, 12_000, start);
        factory.Clock.Advance(TimeSpan.FromDays(4));

        var byAmount = await ListAsync(taskId, "?sort=amount", "en");

        Assert.Equal(BidSort.Amount, byAmount.Sort);
        Assert.Equal([12_000L, 19_000L], byAmount.Bids.Select(b => b.AmountYen));
        Assert.All(byAmount.Bids, b => Assert.NotNull(b.Score));
        Assert.Equal("Within the fee (¥12,000; fee ¥20,000)", byAmount.Bids[0].Reasons!.Single(r => r.Code == MatchReasons.PriceWithinFee).Text);
        var byScore = await ListAsync(taskId, "?sort=score");
        Assert.Equal(byScore.Bids.Select(b => b.Id).Order(), byAmount.Bids.Select(b => b.Id).Order());
    }

    [Fact]
    public async Task AnUnknownSortIsRefusedInJapaneseAndEnglishAndDoesNotOpenTheBids()
    {
        var (taskId, start) = await PostCleanupAsync();
        await BidAsync(DemoAccounts.TamagawaStaff, taskId, 19_000, start);
        factory.Clock.Advance(TimeSpan.FromDays(4));
        var officer = await OfficerAsync();
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var ja = await ProblemAssert.HasCodeAsync(await officer.Http.GetAsync($"/api/tasks/{taskId}/bids?sort=price"), HttpStatusCode.BadRequest, "validation");
        officer.Http.DefaultRequestHeaders.AcceptLanguage.Clear();
        officer.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var en = await ProblemAssert.HasCodeAsync(await officer.Http.GetAsync($"/api/tasks/{taskId}/bids?sort="), HttpStatusCode.BadRequest, "validation");

        Assert.Contains("おすすめ順", ja.ToString());
        Assert.Contains("Sort by score", en.ToString());
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        Assert.Null((await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId)).BidsOpenedAt);
    }

    [Fact]
    public async Task WhileSealedTheAssociationGetsNoScoresNorAmounts()
    {
        var (taskId, start) = await PostCleanupAsync();
        await BidAsync(DemoAccounts.TamagawaStaff, taskId, 19_123, start);
        var officer = await OfficerAsync();

        var json = await officer.Http.GetStringAsync($"/api/tasks/{taskId}/bids?sort=score");
        var sealedList = await ListAsync(taskId, "?sort=amount");

        Assert.Empty(sealedList.Bids);
        Assert.Equal(1, sealedList.Count);
        Assert.DoesNotContain("19123", json);
        Assert.DoesNotContain("\"reasons\"", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"amountYen\"", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AGroupAwardedMoreThanTheShareOfThisAssociationsTasksIsFlaggedAndOneUnderItIsNot()
    {
        FreshWindow();
        // 4 awards in the window (the minimum): 3 to たまがわ (75% > 50%), 1 to なかはら (25%).
        await AwardAsync(DemoAccounts.TamagawaStaff, DemoAccounts.MimamoriStaff);
        await AwardAsync(DemoAccounts.TamagawaStaff, DemoAccounts.MimamoriStaff);
        await AwardAsync(DemoAccounts.MimamoriStaff, DemoAccounts.TamagawaStaff);
        await AwardAsync(DemoAccounts.TamagawaStaff, DemoAccounts.MimamoriStaff);

        var list = await ComparisonOfBothAsync();

        var flagged = list.Bids.Single(b => b.GroupName == Tamagawa);
        var flag = Assert.Single(flagged.Flags!);
        Assert.Equal(MatchReasons.ShareOfAwards, flag.Code);
        Assert.Equal("この町内会・自治会が過去12か月に決めた依頼4件のうち3件（75%）がこの団体です", flag.Text);
        Assert.Empty(list.Bids.Single(b => b.GroupName == Mimamori).Flags!);
        // Flagged, not hidden, and the score is the rubric's alone.
        Assert.Equal(flagged.Score, flagged.Reasons!.Sum(r => r.Points));
        Assert.DoesNotContain(flagged.Reasons!, r => r.Code == MatchReasons.ShareOfAwards);
    }

    [Fact]
    public async Task AwardsOlderThanTheWindowDoNotCount()
    {
        FreshWindow();
        await AwardAsync(DemoAccounts.TamagawaStaff, DemoAccounts.MimamoriStaff);
        await AwardAsync(DemoAccounts.TamagawaStaff, DemoAccounts.MimamoriStaff);
        await AwardAsync(DemoAccounts.TamagawaStaff, DemoAccounts.MimamoriStaff);
        await AwardAsync(DemoAccounts.MimamoriStaff, DemoAccounts.TamagawaStaff);
        factory.Clock.Advance(TimeSpan.FromDays(366));

        var list = await ComparisonOfBothAsync();

        Assert.All(list.Bids, b => Assert.Empty(b.Flags!));
    }

    [Fact]
    public async Task AnAwardTakenBackDoesNotCount()
    {
        FreshWindow();
        await AwardAsync(DemoAccounts.TamagawaStaff, DemoAccounts.MimamoriStaff);
        await AwardAsync(DemoAccounts.TamagawaStaff, DemoAccounts.MimamoriStaff);
        await AwardAsync(DemoAccounts.MimamoriStaff, DemoAccounts.TamagawaStaff);
        var withdrawn = await AwardAsync(DemoAccounts.TamagawaStaff, DemoAccounts.MimamoriStaff);
        // The winner did not sign in time: the association takes the award back (3 awards remain, under the minimum).
        factory.Clock.Advance(TimeSpan.FromDays(30));
        (await (await OfficerAsync()).PostJsonAsync($"/api/contracts/{withdrawn.Id}/withdraw-award", new { reason = "期限までに署名がありませんでした。" })).EnsureSuccessStatusCode();

        var list = await ComparisonOfBothAsync();

        Assert.All(list.Bids, b => Assert.Empty(b.Flags!));
    }

    [Fact]
    public async Task TheOfficersPageShowsScoresReasonsTheFlagAndBothOrders()
    {
        FreshWindow();
        for (var i = 0; i < 4; i++)
        {
            await AwardAsync(DemoAccounts.TamagawaStaff, DemoAccounts.MimamoriStaff);
        }

        var (taskId, start) = await PostCleanupAsync();
        var expensive = await BidAsync(DemoAccounts.TamagawaStaff, taskId, 19_000, start);
        var cheap = await BidAsync(DemoAccounts.MimamoriStaff, taskId, 12_000, start.AddDays(3));
        factory.Clock.Advance(TimeSpan.FromDays(4));
        var ranked = await ListAsync(taskId);
        var page = await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer);

        var html = await page.Http.GetStringAsync($"/Tasks/{taskId}");
        var byAmount = await page.Http.GetStringAsync($"/Tasks/{taskId}?sort=amount");
        var region = await page.Http.GetStringAsync($"/Tasks/{taskId}?handler=Region&name=bids&sort=amount");

        Assert.Equal(ranked.Bids.Select(b => b.Id), RowOrder(html));
        Assert.Equal([cheap.Id, expensive.Id], RowOrder(byAmount));
        Assert.Equal([cheap.Id, expensive.Id], RowOrder(region));
        Assert.Contains("おすすめ順", html);
        Assert.Contains("金額の安い順", html);
        Assert.Matches("<a href=\"/Tasks/\\d+\\?sort=amount#bids-heading\" data-sort-order=\"amount\"", html);
        Assert.Matches("data-sort-order=\"amount\" aria-current=\"true\"", byAmount);
        // The live refresh of the bids region keeps the chosen order.
        Assert.Matches("id=\"bid-list\" data-live-region=\"bids\"[^>]*data-live-url=\"[^\"]*[?&;]sort=amount", byAmount);
        foreach (var bid in ranked.Bids)
        {
            Assert.Contains($"data-score=\"{bid.Score}\"", html);
            Assert.Contains($"{bid.Score}点", html);
            foreach (var reason in bid.Reasons!)
            {
                Assert.Contains(reason.Text, WebUtility.HtmlDecode(html));
            }
        }

        Assert.Contains("<details class=\"all-reasons\">", html);
        Assert.Contains("この町内会・自治会が過去12か月に決めた依頼", html);
        Assert.Contains($"data-share-of-awards=\"{expensive.GroupId}\"", html);
        Assert.DoesNotContain($"data-share-of-awards=\"{cheap.GroupId}\"", html);
    }

    private static List<int> RowOrder(string html) =>
        Regex.Matches(html, "<tr data-bid-id=\"(\\d+)\">").Select(m => int.Parse(m.Groups[1].Value)).ToList();

    /// <summary>Moves the clock past every award made so far, so that this test's awards are the window's only ones.</summary>
    private void FreshWindow() => factory.Clock.Advance(TimeSpan.FromDays(400));

    /// <summary>One of this association's tasks, bid on by both groups and awarded to <paramref name="winner"/>.</summary>
    private async Task<ContractDto> AwardAsync(string winner, string other)
    {
        var (taskId, start) = await PostCleanupAsync();
        var won = await BidAsync(winner, taskId, 18_000, start);
        await BidAsync(other, taskId, 17_000, start);
        factory.Clock.Advance(TimeSpan.FromDays(4));
        var award = await (await OfficerAsync()).AwardAsync(taskId, won.Id);
        award.EnsureSuccessStatusCode();
        return (await award.Content.ReadFromJsonAsync<ContractDto>(ApiClient.Json))!;
    }

    private async Task<TaskBidsDto> ComparisonOfBothAsync()
    {
        var (taskId, start) = await PostCleanupAsync();
        await BidAsync(DemoAccounts.TamagawaStaff, taskId, 19_000, start);
        await BidAsync(DemoAccounts.MimamoriStaff, taskId, 18_000, start);
        factory.Clock.Advance(TimeSpan.FromDays(4));
        return await ListAsync(taskId);
    }
}
