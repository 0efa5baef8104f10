using System.Globalization;
using Matchboard.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Matchboard.Browser.Tests;

/// <summary>An officer edits a published task on a phone; the group that bid is told live, on its own phone.</summary>
public sealed class TaskEditingTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AnOfficerChangesTheFeeAndTheBiddingGroupIsAskedToConfirmLive()
    {
        var officer = await app.NewPageAsync(width: 375, height: 812);
        var group = await app.NewPageAsync(width: 375, height: 812);
        await officer.SignInAsync(Ui.Kizuki);
        await group.SignInAsync(Ui.Mimamori);

        var title = $"見守り訪問（謝礼の変更）（{Guid.NewGuid().ToString("N")[..6]}）";
        var taskId = await officer.PostTaskAsync(app, title, "watch-over", "nakahara", certification: true);
        await group.OpenLiveAsync($"/Tasks/{taskId}");
        await group.PlaceBidAsync(app, 170_000, "中原区で5年間、見守り訪問を続けています。");
        await group.WaitConnectedAsync();
        await Expect(group.Locator("#bid-confirm")).ToHaveCountAsync(0);

        // The officer raises the fee from the task page's 「変更する」 link.
        await officer.Locator("#edit-task").ClickAsync();
        await Expect(officer.Locator("#edit-public-note")).ToBeVisibleAsync();
        await Expect(officer.Locator("#Input_Title")).ToHaveValueAsync(title);
        await officer.Locator("#Input_FeeYen").FillAsync("200000");

        // The preview says what will change and that the bidder will be asked to confirm; nothing is saved yet.
        await officer.Locator("#task-edit-preview").ClickAsync();
        await Expect(officer.Locator("#edit-preview li[data-field='feeYen']")).ToContainTextAsync("¥180,000 → ¥200,000");
        await Expect(officer.Locator("#edit-preview-confirm")).ToBeVisibleAsync();
        await officer.Locator("#task-edit-save").ClickAsync();
        await Expect(officer.Locator("#flash")).ToBeVisibleAsync();
        await Expect(officer.Locator("#task-history li[data-field='feeYen']")).ToContainTextAsync("¥180,000 → ¥200,000");
        // The officer's bids are sealed until the deadline: it sees the count, not the bid or its mark.
        await Expect(officer.Locator("#bid-count")).ToContainTextAsync("1件");
        await Expect(officer.Locator("#bid-list li.bid")).ToHaveCountAsync(0);
        await officer.ShotAsync("edit-01-officer-history-375");

        // The group, on its task page the whole time, is told and asked to confirm without reloading.
        await Expect(group.Toast("TaskChanged", title)).ToHaveCountAsync(1);
        await Expect(group.Locator("#earlier-terms")).ToContainTextAsync("変更前の内容への提案");
        await group.ShotAsync("edit-02-group-told-375", fullPage: false);
        await AssertNoSidewaysScrollAsync(group);

        // It keeps its bid as it is; the mark is gone on both sides.
        await group.Locator("#bid-confirm").ClickAsync();
        await Expect(group.Locator("#flash")).ToBeVisibleAsync();
        await Expect(group.Locator("#earlier-terms")).ToHaveCountAsync(0);
        await Expect(group.Locator("#my-bid-summary")).ToContainTextAsync("¥" + Ui.Yen(170_000));

        // At the deadline the bids open to the officer: the confirmed bid carries no mark.
        app.Clock.Advance(TimeSpan.FromDays(4));
        await officer.GotoAsync($"/Tasks/{taskId}");
        await Expect(officer.Locator("#bid-list li.bid")).ToHaveCountAsync(1);
        await Expect(officer.Locator("#bid-list li.bid .earlier-terms")).ToHaveCountAsync(0);
    }

    private static async Task AssertNoSidewaysScrollAsync(Microsoft.Playwright.IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, string.Create(CultureInfo.InvariantCulture, $"the page scrolls sideways by {overflow}px"));
    }
}
