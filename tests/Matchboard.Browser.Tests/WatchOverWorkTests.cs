using System.Text.RegularExpressions;
using Matchboard.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Matchboard.Browser.Tests;

/// <summary>
/// The work under contract, on the demo's daily watch-over of three households in 木月三丁目: a visitor reports at the
/// door on a phone, and the officer hears of it at once and acknowledges it.
/// </summary>
public sealed class WatchOverWorkTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string DailyWork = "毎日の見守り訪問";

    [Fact]
    public async Task AnUrgentReportFromAPhoneReachesTheOfficerLiveWhoAcknowledgesIt()
    {
        var visitor = await app.NewPageAsync(width: 375, height: 812);
        var officer = await app.NewPageAsync();
        await visitor.SignInAsync(Ui.Mimamori);
        await officer.SignInAsync(Ui.Kizuki);
        await officer.OpenLiveAsync("/Alerts");
        var openBefore = await officer.Locator("#alert-list li[data-alert-id]").CountAsync();

        // The visitor goes from the contract to the report form: today's visits first, big choices.
        await OpenReportFormAsync(visitor);
        await visitor.WaitConnectedAsync();
        await visitor.Locator(".big-choice", new() { HasText = "A-01" }).First.ClickAsync();
        await visitor.Locator("label[for='status-Urgent']").ClickAsync();
        await visitor.Locator("label[for='Health-Concern']").ClickAsync();
        await visitor.Locator("label[for='Meals-Fine']").ClickAsync();
        await visitor.Locator("#Input_VisitorName").FillAsync("訪問員 山田");
        const string note = "ふらつきがあり、転んだとのことです。ご家族への連絡をお願いします。";
        await visitor.Locator("#Input_Note").FillAsync(note);
        await AssertNoSidewaysScrollAsync(visitor);
        await visitor.ShotAsync("work-01-visitor-report-375");
        await visitor.Locator("legend", new() { HasText = "どの訪問" }).ScrollIntoViewIfNeededAsync();
        await visitor.ShotAsync("work-01-visitor-report-375-screen", fullPage: false);
        await visitor.Locator("#report-submit").ClickAsync();
        await Expect(visitor.Locator("#flash")).ToBeVisibleAsync();

        // The officer, on the alerts page, sees it arrive without reloading: a toast and the alert, urgent first.
        await Expect(officer.Toast("VisitAlert", DailyWork)).ToHaveCountAsync(1);
        await Expect(officer.Locator("#alert-list li[data-alert-id]")).ToHaveCountAsync(openBefore + 1);
        var urgent = officer.Locator("#alert-list li[data-alert-id]").First;
        await Expect(urgent).ToContainTextAsync("A-01");
        await officer.ShotAsync("work-02-officer-alert-arrived");

        // The officer opens it and records what was done; the visitor is told, live.
        await urgent.Locator("a").First.ClickAsync();
        await Expect(officer.Locator("#alert-facts")).ToContainTextAsync(note);
        await officer.WaitConnectedAsync();
        await officer.Locator("#Note").FillAsync("ご家族に電話し、今日の夕方に様子を見に行っていただけることになりました。");
        await officer.Locator("#alert-acknowledge").ClickAsync();
        await Expect(officer.Locator("#flash")).ToBeVisibleAsync();
        await Expect(officer.Locator("#alert-facts")).ToHaveAttributeAsync("data-acknowledged", "true");
        await Expect(officer.Locator("#alert-acknowledgement-note")).ToContainTextAsync("ご家族に電話し");
        await officer.ShotAsync("work-03-officer-acknowledged");
        await Expect(visitor.Toast("VisitAlertAcknowledged", DailyWork)).ToHaveCountAsync(1);

        await officer.GotoAsync("/Alerts");
        await Expect(officer.Locator("#alert-list li[data-alert-id]")).ToHaveCountAsync(openBefore);
    }

    [Fact]
    public async Task AReportIsFiledOnAPhoneWithoutJavaScript()
    {
        var visitor = await app.NewPageAsync(width: 375, height: 812, javaScript: false);
        await visitor.SignInAsync(Ui.Mimamori);

        await OpenReportFormAsync(visitor);
        await visitor.Locator(".big-choice", new() { HasText = "A-03" }).First.ClickAsync();
        await visitor.Locator("label[for='status-Ok']").ClickAsync();
        await visitor.Locator("label[for='Sleep-Fine']").ClickAsync();
        await visitor.Locator("#Input_VisitorName").FillAsync("訪問員 鈴木");
        const string note = "お元気で、商店街まで散歩に出かけたそうです。";
        await visitor.Locator("#Input_Note").FillAsync(note);
        await visitor.Locator("#report-submit").ClickAsync();

        await Expect(visitor.Locator("#flash")).ToBeVisibleAsync();
        await Expect(visitor.Locator("#live-status")).Not.ToHaveAttributeAsync("data-state", "connected");
        await visitor.ShotAsync("work-04-visitor-report-no-js-375");
        await visitor.Locator("main a", new() { HasText = "契約のページへ戻る" }).ClickAsync();
        await Expect(visitor.Locator("#contract-work-live")).ToContainTextAsync(note);
    }

    /// <summary>From the list of contracts, the daily watch-over, then 「訪問記録を書く」.</summary>
    private static async Task OpenReportFormAsync(IPage visitor)
    {
        await visitor.GotoAsync("/Contracts");
        await visitor.Locator("a", new() { HasText = DailyWork }).First.ClickAsync();
        await visitor.Locator("#work-report-link").ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new Regex(@"/Contracts/\d+/Report"));
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
}
