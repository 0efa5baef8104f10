using System.Text.RegularExpressions;
using Matchboard.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Matchboard.Browser.Tests;

/// <summary>Two or three people at once, each in their own browser context, seeing each other's moves live.</summary>
public sealed class LiveMarketplaceTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static string Unique(string title) => $"{title}（{Guid.NewGuid().ToString("N")[..6]}）";

    [Fact]
    public async Task TheWholeMatchHappensLiveInTwoBrowsers()
    {
        var officer = await app.NewPageAsync();
        var group = await app.NewPageAsync();
        await officer.SignInAsync(Ui.Kizuki);
        await group.SignInAsync(Ui.Mimamori);
        await group.OpenLiveAsync("/Tasks?matching=true");
        await officer.OpenLiveAsync("/Tasks/New");

        // The officer posts a watch-over task in 中原区 that needs the city's certification.
        var title = Unique("一人暮らし高齢者の見守り訪問（週2回）");
        var taskId = await officer.PostTaskAsync(app, title, "watch-over", "nakahara", certification: true);
        await officer.WaitConnectedAsync();
        await officer.ShotAsync("match-01-officer-published");

        // The matching group sees it arrive without reloading.
        await Expect(group.Toast("TaskPosted", title)).ToHaveCountAsync(1);
        // With how well it fits, in the page's language: the score and its top reasons.
        await Expect(group.Toast("TaskPosted", title).Locator(".match-score")).ToContainTextAsync("おすすめ度");
        await Expect(group.Toast("TaskPosted", title).Locator(".match-reasons li[data-code='category.same']")).ToContainTextAsync("同じ分野で活動");
        await Expect(group.Locator($"#task-list li[data-task-id='{taskId}']")).ToContainTextAsync(title);
        await Expect(group.Locator("#unread-count")).Not.ToHaveTextAsync("0");
        await group.ShotAsync("match-02-group-board-live");

        // The group opens it, asks a question and places a sealed bid.
        await group.Locator($"#task-list a[href='/Tasks/{taskId}']").ClickAsync();
        await group.WaitConnectedAsync();
        const string question = "訪問の曜日は相談できますか。";
        await group.Locator("#Ask_Text").FillAsync(question);
        await group.Locator("#Ask_Text").Locator("xpath=ancestor::form").Locator("button[type=submit]").ClickAsync();
        await Expect(group.Locator("#flash")).ToBeVisibleAsync();
        await group.WaitConnectedAsync();

        // Meanwhile the officer sits on the task page.
        await Expect(officer.Locator("#question-list")).ToContainTextAsync(question);
        var questionItem = officer.Locator("#question-list li[data-question-id]").Filter(new() { HasText = question });
        var questionId = await questionItem.GetAttributeAsync("data-question-id");

        const string proposal = "中原区で5年間、見守り訪問を続けています。毎回の訪問記録をお渡しします。";
        await group.PlaceBidAsync(app, 173_000, proposal);
        await group.WaitConnectedAsync();
        await group.ShotAsync("match-03-group-bid-placed");

        // Sealed from the officer too until the deadline: the count arrives live, the amount and proposal do not.
        await Expect(officer.Toast("BidPlaced", title)).ToHaveCountAsync(1);
        await Expect(officer.Locator("#bid-count")).ToContainTextAsync("1件");
        await Expect(officer.Locator("#bids-sealed")).ToBeVisibleAsync();
        await Expect(officer.Locator("#bid-list li.bid")).ToHaveCountAsync(0);
        await Expect(officer.Locator("#bid-list")).Not.ToContainTextAsync("¥173,000");
        await Expect(officer.Locator("#bid-list")).Not.ToContainTextAsync(proposal);
        await officer.ShotAsync("match-04-officer-bid-arrived");

        // The officer answers; the group sees the answer appear.
        const string answer = "はい、火曜日と金曜日のどちらかでご相談ください。";
        await officer.Locator($"#answer-{questionId}").FillAsync(answer);
        await officer.Locator($"#answer-{questionId}").Locator("xpath=ancestor::form").Locator("button[type=submit]").ClickAsync();
        await Expect(officer.Locator("#flash")).ToBeVisibleAsync();
        await Expect(group.Locator($"#question-list li[data-question-id='{questionId}']")).ToContainTextAsync(answer);
        await Expect(group.Toast("QuestionAnswered", title)).ToHaveCountAsync(1);

        // The deadline passes; the officer awards with a written reason.
        app.Clock.Advance(TimeSpan.FromDays(4));
        await officer.OpenLiveAsync($"/Tasks/{taskId}");
        await group.WaitConnectedAsync();
        // The bids open to the officer all at once: amount, proposal, group.
        await Expect(officer.Locator("#bid-list li.bid")).ToHaveCountAsync(1);
        await Expect(officer.Locator("#bid-list li.bid")).ToContainTextAsync("¥173,000");
        await Expect(officer.Locator("#bid-list li.bid")).ToContainTextAsync(proposal);
        await officer.Locator("input[name='Award.BidId']").First.CheckAsync();
        const string reason = "市の認証があり、中原区での見守りの実績が長いため決定しました。";
        await officer.Locator("#Award_Rationale").FillAsync(reason);
        await officer.Locator("#award-next").ClickAsync();
        await Expect(officer.Locator("#award-confirmation")).ToContainTextAsync(reason);
        await officer.ShotAsync("match-05-officer-award-confirm");
        await officer.Locator("#award-confirm").ClickAsync();
        await Expect(officer.Locator("#flash")).ToBeVisibleAsync();
        await Expect(officer.Locator("#task-state")).ToHaveAttributeAsync("data-status", "Awarded");

        await Expect(group.Toast("BidAwarded", title)).ToHaveCountAsync(1);
        await Expect(group.Locator("#task-status #award")).ToContainTextAsync(reason);
        await Expect(group.Locator("#task-status #award")).ToContainTextAsync("なかはら見守りネット");
        await Expect(group.Locator("#task-status #contract-status")).ToBeVisibleAsync();
        await Expect(group.Locator("#my-bid-summary .status")).ToHaveAttributeAsync("data-status", "Accepted");
        await Expect(group.Locator("#Ask_Text")).ToHaveCountAsync(0); // no more questions once it is decided
        await group.ShotAsync("match-06-group-awarded-live");

        // Both sign the contract; each sees it come into force.
        var contractHref = await officer.Locator("#contract-status a").GetAttributeAsync("href");
        Assert.Matches(@"^/Contracts/\d+$", contractHref);
        await officer.OpenLiveAsync(contractHref!);
        await group.OpenLiveAsync(contractHref!);
        await Expect(officer.Locator("#contract-status")).ToHaveAttributeAsync("data-status", "PendingSignatures");

        // Signing needs the association's terms and each side's contact person, filled in on the same page.
        await officer.Locator("input[name='Terms.PaymentTiming'][value='OnCompletion']").CheckAsync();
        await officer.Locator("#Terms_Insurance").FillAsync("団体がボランティア活動保険に加入します。");
        await officer.Locator("#contract-terms-save").ClickAsync();
        await Expect(officer.Locator("#flash")).ToBeVisibleAsync();
        foreach (var (side, name) in new[] { (officer, "町会 花子"), (group, "見守 一郎") })
        {
            await side.Locator("#Contact_Name").FillAsync(name);
            await side.Locator("#Contact_Phone").FillAsync("044-000-0000");
            await side.Locator("#Contact_Email").FillAsync("contact@example.jp");
            await side.Locator("#contract-contact-save").ClickAsync();
            await Expect(side.Locator("#flash")).ToBeVisibleAsync();
        }

        await group.WaitConnectedAsync();
        await officer.Locator("#Agree").CheckAsync();
        await officer.Locator("#contract-sign").ClickAsync();
        await Expect(officer.Locator("#flash")).ToBeVisibleAsync();
        await Expect(officer.Locator("#contract-state")).ToContainTextAsync("相手の署名を待っています。");
        await officer.WaitConnectedAsync();

        // The group sees the officer's signature arrive, then signs.
        await Expect(group.Toast("ContractSigned", title)).ToHaveCountAsync(1);
        await Expect(group.Locator("#contract-state")).Not.ToContainTextAsync("木月三丁目町内会 まだ署名していません");
        await group.Locator("#Agree").CheckAsync();
        await group.Locator("#contract-sign").ClickAsync();
        await Expect(group.Locator("#flash")).ToBeVisibleAsync();
        await Expect(group.Locator("#contract-status")).ToHaveAttributeAsync("data-status", "Active");
        await Expect(group.Locator("#contract-status")).ToHaveTextAsync("契約中");
        await group.ShotAsync("match-07-group-contract-active");

        // The officer, without reloading, sees the contract in force.
        await Expect(officer.Toast("ContractSigned", title)).ToHaveCountAsync(1);
        await Expect(officer.Locator("#contract-status")).ToHaveAttributeAsync("data-status", "Active");
        await Expect(officer.Locator("#contract-status")).ToHaveTextAsync("契約中");
        await officer.ShotAsync("match-08-officer-contract-active");

        await officer.Context.CloseAsync();
        await group.Context.CloseAsync();
    }

    [Fact]
    public async Task ANonMatchingGroupGetsNoPushAndNoGroupSeesAnotherGroupsBid()
    {
        var officer = await app.NewPageAsync();
        var mimamori = await app.NewPageAsync();
        var tamagawa = await app.NewPageAsync();
        var anonymous = await app.NewPageAsync();
        await officer.SignInAsync(Ui.Kizuki);
        await mimamori.SignInAsync(Ui.Mimamori);
        await tamagawa.SignInAsync(Ui.Tamagawa);
        await mimamori.OpenLiveAsync("/Tasks?matching=true");
        await tamagawa.OpenLiveAsync("/Tasks");

        var title = Unique("高齢者のお宅への見守り訪問");
        var taskId = await officer.PostTaskAsync(app, title, "watch-over", "nakahara", certification: true);

        // The matching group got its push; by then the other one would have had it too.
        await Expect(mimamori.Toast("TaskPosted", title)).ToHaveCountAsync(1);
        Assert.Equal(0, await tamagawa.Toast("TaskPosted", title).CountAsync());
        var tamagawaReceived = await tamagawa.EvaluateAsync<string[]>("() => window.matchboardLive.received.map(n => n.title)");
        Assert.DoesNotContain(title, tamagawaReceived);
        await tamagawa.GotoAsync("/Notifications");
        await Expect(tamagawa.Locator("#notification-list")).ToBeVisibleAsync();
        await Expect(tamagawa.Locator("main")).Not.ToContainTextAsync(title);

        // The board itself is public: the task is listed for everyone, but only with public facts.
        await mimamori.Locator($"#task-list a[href='/Tasks/{taskId}']").ClickAsync();
        const string proposal = "見守り訪問の研修を受けた会員3名で担当します（封かん提案のテスト）。";
        await mimamori.PlaceBidAsync(app, 173_000, proposal);

        var pages = new (string Who, IPage Page, string Url)[]
        {
            ("tamagawa task page", tamagawa, $"/Tasks/{taskId}"),
            ("anonymous task page", anonymous, $"/Tasks/{taskId}"),
            ("tamagawa my bids", tamagawa, "/Bids/Mine"),
            ("tamagawa board", tamagawa, "/Tasks"),
            ("anonymous board", anonymous, "/Tasks"),
            ("tamagawa bids region", tamagawa, $"/Tasks/{taskId}?handler=Region&name=bids"),
            ("tamagawa mybid region", tamagawa, $"/Tasks/{taskId}?handler=Region&name=mybid"),
            ("anonymous bids region", anonymous, $"/Tasks/{taskId}?handler=Region&name=bids"),
        };
        foreach (var (who, page, url) in pages)
        {
            var response = await page.GotoAsync(url);
            var html = await page.ContentAsync();
            Assert.False(html.Contains("173,000", StringComparison.Ordinal), $"{who} ({url}, {response?.Status}) shows the amount");
            Assert.False(html.Contains("173000", StringComparison.Ordinal), $"{who} ({url}) shows the amount");
            Assert.False(html.Contains(proposal, StringComparison.Ordinal), $"{who} ({url}) shows the proposal");
            Assert.False(html.Contains("なかはら見守りネット", StringComparison.Ordinal) && url.Contains("/Tasks/", StringComparison.Ordinal) && !url.EndsWith("/Tasks", StringComparison.Ordinal),
                $"{who} ({url}) shows who bid");
            var bidMarkup = await page.Locator("#bid-count, #bid-list, li.bid, #my-bid-summary").CountAsync();
            Assert.True(bidMarkup == 0, $"{who} ({url}, {response?.Status}) shows bid markup: {html[..Math.Min(html.Length, 600)]}");
            Assert.False(html.Contains("届いた提案", StringComparison.Ordinal), $"{who} ({url}) shows a bid count");
        }

        await tamagawa.GotoAsync($"/Tasks/{taskId}");
        await tamagawa.ShotAsync("sealed-tamagawa-task-page");

        foreach (var page in new[] { officer, mimamori, tamagawa, anonymous })
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task ThePageCatchesUpAfterItsConnectionDrops()
    {
        var officer = await app.NewPageAsync();
        var group = await app.NewPageAsync();
        await officer.SignInAsync(Ui.Kizuki);
        await group.SignInAsync(Ui.Mimamori);
        var title = Unique("回覧板と町内会だよりの配布");
        var taskId = await officer.PostTaskAsync(app, title, "notice-distribution", "nakahara", certification: false, deadlineInDays: 5);
        await officer.OpenLiveAsync($"/Tasks/{taskId}");
        await Expect(officer.Locator("#bid-list li.bid")).ToHaveCountAsync(0);

        // The connection drops.
        await officer.EvaluateAsync("() => window.matchboardLive.connection.stop()");
        await Expect(officer.Locator("#live-status")).ToHaveAttributeAsync("data-state", new Regex("^(disconnected|reconnecting)$"));
        var before = await officer.EvaluateAsync<long>("() => window.matchboardLive.lastSequence");

        // Meanwhile the group bids.
        await group.GotoAsync($"/Tasks/{taskId}");
        const string proposal = "会員6名で月2回、全戸に配布します（再接続のテスト）。";
        await group.PlaceBidAsync(app, 42_000, proposal);
        await officer.ShotAsync("catchup-01-officer-offline");
        Assert.Contains("0件", await officer.Locator("#bid-count").TextContentAsync());
        Assert.Equal(before, await officer.EvaluateAsync<long>("() => window.matchboardLive.lastSequence"));

        // Back online: the page catches up without a reload.
        await officer.EvaluateAsync("() => window.matchboardLive.connection.start()");
        await officer.WaitConnectedAsync();
        await Expect(officer.Toast("BidPlaced", title)).ToHaveCountAsync(1);
        await Expect(officer.Locator("#bid-count")).ToContainTextAsync("1件");
        await Expect(officer.Locator("#bid-list")).Not.ToContainTextAsync("¥42,000");
        Assert.True(await officer.EvaluateAsync<long>("() => window.matchboardLive.lastSequence") > before);
        await officer.ShotAsync("catchup-02-officer-caught-up");

        // And a revision while connected arrives live too.
        await group.Locator("#Bid_AmountYen").FillAsync("39000");
        await group.SendBidAsync();
        await Expect(officer.Toast("BidRevised", title)).ToHaveCountAsync(1);
        await Expect(officer.Locator("#bid-count")).ToContainTextAsync("1件");
        await Expect(officer.Locator("#bid-list")).Not.ToContainTextAsync("¥39,000");

        await officer.Context.CloseAsync();
        await group.Context.CloseAsync();
    }

    [Fact]
    public async Task WhatSomeoneIsTypingSurvivesALiveRefresh()
    {
        var officer = await app.NewPageAsync();
        var mimamori = await app.NewPageAsync();
        var tamagawa = await app.NewPageAsync();
        await officer.SignInAsync(Ui.Kizuki);
        await mimamori.SignInAsync(Ui.Mimamori);
        await tamagawa.SignInAsync(Ui.Tamagawa);
        var title = Unique("町内会だよりの全戸配布");
        var taskId = await officer.PostTaskAsync(app, title, "notice-distribution", "nakahara", certification: false, deadlineInDays: 5);

        await mimamori.OpenLiveAsync($"/Tasks/{taskId}");
        const string question = "配布する部数はおよそ何部ですか。";
        await mimamori.Locator("#Ask_Text").FillAsync(question);
        await mimamori.Locator("#Ask_Text").Locator("xpath=ancestor::form").Locator("button[type=submit]").ClickAsync();
        await Expect(mimamori.Locator("#flash")).ToBeVisibleAsync();
        await mimamori.WaitConnectedAsync();

        // The officer starts writing an answer, then another group's bid arrives.
        await officer.OpenLiveAsync($"/Tasks/{taskId}");
        var questionId = await officer.Locator("#question-list li[data-question-id]").First.GetAttributeAsync("data-question-id");
        const string answerDraft = "およそ420部です。";
        await officer.Locator($"#answer-{questionId}").FillAsync(answerDraft);

        await tamagawa.GotoAsync($"/Tasks/{taskId}");
        await tamagawa.PlaceBidAsync(app, 30_000, "会員4名で配布します（下書きのテスト）。");
        await Expect(officer.Locator("#bid-count")).ToContainTextAsync("1件");

        // The officer looks away (focus leaves the answer box): the questions refresh, the draft stays.
        await officer.Locator("h1").ClickAsync();
        await Expect(officer.Locator("#question-list")).ToHaveAttributeAsync("data-live-updated", new Regex(@"\d+"));
        await Expect(officer.Locator($"#answer-{questionId}")).ToHaveValueAsync(answerDraft);

        // The group is writing its bid when the answer is published.
        await mimamori.Locator("#Bid_AmountYen").FillAsync("28000");
        await mimamori.Locator("#Bid_Proposal").FillAsync("会員6名で2日以内に配り終えます。");
        await officer.Locator($"#answer-{questionId}").Locator("xpath=ancestor::form").Locator("button[type=submit]").ClickAsync();
        await Expect(officer.Locator("#flash")).ToBeVisibleAsync();
        await Expect(mimamori.Locator("#question-list")).ToContainTextAsync(answerDraft);
        await mimamori.Locator("h1").ClickAsync();
        await Expect(mimamori.Locator("#my-bid")).ToHaveAttributeAsync("data-live-updated", new Regex(@"\d+"));
        await Expect(mimamori.Locator("#Bid_AmountYen")).ToHaveValueAsync("28000");
        await Expect(mimamori.Locator("#Bid_Proposal")).ToHaveValueAsync("会員6名で2日以内に配り終えます。");

        foreach (var page in new[] { officer, mimamori, tamagawa })
        {
            await page.Context.CloseAsync();
        }
    }
}
