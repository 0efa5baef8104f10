using System.Globalization;
using System.Text.RegularExpressions;
using Matchboard.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Matchboard.Browser.Tests;

/// <summary>
/// On a phone (375px): a bid is confirmed before it is sent, with warnings the group may go past; one form's refusal
/// keeps what was typed in the others; the officer sorts the comparison table.
/// </summary>
public sealed class SafeBidTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static string Unique(string title) => $"{title}（{Guid.NewGuid().ToString("N")[..6]}）";

    [Fact]
    public async Task TheBidConfirmationShowsItsWarningsAndSendsOnlyWhenConfirmed()
    {
        var officer = await app.NewPageAsync();
        var group = await app.NewPageAsync(width: 375, height: 812);
        await officer.SignInAsync(Ui.Kizuki);
        await group.SignInAsync(Ui.Mimamori);
        var taskId = await officer.PostTaskAsync(app, Unique("町内会だよりの全戸配布"), "notice-distribution", "nakahara", certification: false, feeYen: 30_000);

        await group.GotoAsync($"/Tasks/{taskId}");
        var taskEnd = await group.Locator("#Bid_EarliestStart").GetAttributeAsync("max");
        await group.Locator("#Bid_AmountYen").FillAsync("36000");
        await group.Locator("#Bid_Proposal").FillAsync("会員6名で、2日以内に全戸へ配り終えます。");
        await group.Locator("#Bid_StaffPlanned").FillAsync("6");
        await group.Locator("#Bid_EarliestStart").FillAsync(taskEnd!);
        await group.Locator("#bid-submit").ClickAsync();

        var confirmation = group.Locator("#bid-confirmation");
        await Expect(confirmation).ToBeVisibleAsync();
        await Expect(confirmation.Locator("#preview-amount")).ToHaveTextAsync("¥36,000");
        await Expect(confirmation.Locator("#preview-proposal")).ToHaveTextAsync("会員6名で、2日以内に全戸へ配り終えます。");
        await Expect(confirmation.Locator("#bid-warnings li[data-warning=above-fee]")).ToBeVisibleAsync();
        await Expect(confirmation.Locator("#bid-warnings li[data-warning=after-task-start]")).ToBeVisibleAsync();
        await Expect(group.Locator("#my-bid-summary")).ToHaveCountAsync(0);
        await group.ShotAsync("safe-bid-01-confirmation-375", fullPage: false);

        // 「修正する」 goes back to the form with everything still in it.
        await confirmation.Locator("#bid-edit").ClickAsync();
        await Expect(group.Locator("#Bid_AmountYen")).ToHaveValueAsync("36000");
        await Expect(group.Locator("#Bid_EarliestStart")).ToHaveValueAsync(taskEnd!);

        // The group may go past the warnings.
        await confirmation.Locator("#bid-confirm").ClickAsync();
        await Expect(group.Locator("#flash")).ToBeVisibleAsync();
        await Expect(group.Locator("#my-bid-summary")).ToContainTextAsync("¥36,000");

        await officer.Context.CloseAsync();
        await group.Context.CloseAsync();
    }

    [Fact]
    public async Task ARefusedFormKeepsWhatWasTypedInTheOthers()
    {
        var officer = await app.NewPageAsync();
        var group = await app.NewPageAsync(width: 375, height: 812);
        await officer.SignInAsync(Ui.Kizuki);
        await group.SignInAsync(Ui.Mimamori);
        var taskId = await officer.PostTaskAsync(app, Unique("回覧板の配布"), "notice-distribution", "nakahara", certification: false, feeYen: 30_000);
        await group.GotoAsync($"/Tasks/{taskId}");

        // A bid half written, then an empty question is sent and refused: the bid form keeps its text.
        await group.Locator("#Bid_AmountYen").FillAsync("28000");
        await group.Locator("#Bid_Proposal").FillAsync("会員4名で、毎月第1土曜日に配ります。");
        await group.Locator("#Ask_Text").Locator("xpath=ancestor::form").Locator("button[type=submit]").ClickAsync();
        await Expect(group.Locator("#Ask_Text-error")).Not.ToBeEmptyAsync();
        await Expect(group.Locator("#Bid_AmountYen")).ToHaveValueAsync("28000");
        await Expect(group.Locator("#Bid_Proposal")).ToHaveValueAsync("会員4名で、毎月第1土曜日に配ります。");
        await group.ShotAsync("safe-bid-02-question-refused-bid-kept-375", fullPage: false);

        // And the other way: a question half written survives a bid refused for a start in the past.
        await group.Locator("#Ask_Text").FillAsync("配布する部数はおよそ何部ですか。");
        var today = await group.Locator("#Bid_EarliestStart").GetAttributeAsync("min");
        var yesterday = DateOnly.ParseExact(today!, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(-1);
        await group.Locator("#Bid_StaffPlanned").FillAsync("4");
        await group.Locator("#Bid_EarliestStart").FillAsync(yesterday.Iso());
        await group.Locator("#bid-submit").ClickAsync();
        await Expect(group.Locator("#Bid_EarliestStart-error")).ToContainTextAsync("今日以降の日付");
        await Expect(group.Locator("#bid-confirmation")).ToHaveCountAsync(0);
        await Expect(group.Locator("#Ask_Text")).ToHaveValueAsync("配布する部数はおよそ何部ですか。");
        await Expect(group.Locator("#Bid_Proposal")).ToHaveValueAsync("会員4名で、毎月第1土曜日に配ります。");

        await officer.Context.CloseAsync();
        await group.Context.CloseAsync();
    }

    [Fact]
    public async Task TheOfficerSortsTheComparisonTableByAColumn()
    {
        var officer = await app.NewPageAsync(width: 375, height: 812);
        var mimamori = await app.NewPageAsync();
        var tamagawa = await app.NewPageAsync();
        await officer.SignInAsync(Ui.Kizuki);
        await mimamori.SignInAsync(Ui.Mimamori);
        await tamagawa.SignInAsync(Ui.Tamagawa);
        var taskId = await officer.PostTaskAsync(app, Unique("町内会だよりの配布"), "notice-distribution", "nakahara", certification: false, feeYen: 30_000);
        await mimamori.GotoAsync($"/Tasks/{taskId}");
        await mimamori.PlaceBidAsync(app, 25_000, "会員6名で配ります（比較のテスト）。", staff: 6);
        await tamagawa.GotoAsync($"/Tasks/{taskId}");
        await tamagawa.PlaceBidAsync(app, 29_000, "会員3名で配ります（比較のテスト）。");

        // The comparison exists once the bids open to the officer, at the deadline.
        app.Clock.Advance(TimeSpan.FromDays(4));
        await officer.GotoAsync($"/Tasks/{taskId}");
        var groups = officer.Locator("#bid-compare tbody th");
        var headings = officer.Locator("#bid-compare thead th");
        // The server's order is the rubric's (「おすすめ順」): the score column is the sorted one.
        await Expect(groups).ToHaveTextAsync([new Regex("なかはら見守りネット"), new Regex("たまがわクリーンサポート")]);
        await Expect(headings.Nth(1)).ToHaveAttributeAsync("aria-sort", "descending");

        // The amount heading: the lowest first; again: the highest first.
        await headings.Nth(2).Locator("button").ClickAsync();
        await Expect(headings.Nth(2)).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(groups).ToHaveTextAsync([new Regex("なかはら見守りネット"), new Regex("たまがわクリーンサポート")]);
        await headings.Nth(2).Locator("button").ClickAsync();
        await Expect(headings.Nth(2)).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(groups).ToHaveTextAsync([new Regex("たまがわクリーンサポート"), new Regex("なかはら見守りネット")]);

        // By certification: the group without comes first, and its badge in the cards is not the certified one.
        await headings.Nth(3).Locator("button").ClickAsync();
        await Expect(headings.Nth(3)).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(groups.First).ToContainTextAsync("たまがわクリーンサポート");
        await Expect(officer.Locator(".badge.neutral", new() { HasText = "市の認証なし" })).ToHaveCountAsync(1);
        Assert.True(await officer.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await officer.Locator("#bid-compare").ScrollIntoViewIfNeededAsync();
        await officer.ShotAsync("safe-bid-03-comparison-375", fullPage: false);

        foreach (var page in new[] { officer, mimamori, tamagawa })
        {
            await page.Context.CloseAsync();
        }
    }
}
