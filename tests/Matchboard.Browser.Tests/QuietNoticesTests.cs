using Matchboard.Browser.Tests.Infrastructure;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Features.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Matchboard.Browser.Tests;

/// <summary>
/// Live notices on a phone are quiet: none for your own action, at most two, each closable, and in the flow under
/// the header so they never cover the form being filled.
/// </summary>
public sealed class QuietNoticesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string DailyWork = "毎日の見守り訪問";

    [Fact]
    public async Task AnOfficerWhoAcknowledgesAnAlertGetsNoNoticeOfItWhileAColleagueDoes()
    {
        var colleagueEmail = await AddColleagueOfAsync(Ui.Kizuki);
        var visitor = await app.NewPageAsync(width: 375, height: 812);
        var officer = await app.NewPageAsync(width: 375, height: 812);
        var colleague = await app.NewPageAsync(width: 375, height: 812);
        await visitor.SignInAsync(Ui.Mimamori);
        await officer.SignInAsync(Ui.Kizuki);
        await colleague.SignInAsync(colleagueEmail);

        // An urgent report from the door gives the association an open alert.
        await visitor.GotoAsync("/Contracts");
        await visitor.Locator("a", new() { HasText = DailyWork }).First.ClickAsync();
        await visitor.Locator("#work-report-link").ClickAsync();
        await visitor.Locator(".big-choice", new() { HasText = "A-02" }).First.ClickAsync();
        await visitor.Locator("label[for='status-Urgent']").ClickAsync();
        await visitor.Locator("label[for='Health-Concern']").ClickAsync();
        await visitor.Locator("label[for='Meals-Fine']").ClickAsync();
        await visitor.Locator("#Input_VisitorName").FillAsync("訪問員 佐藤");
        await visitor.Locator("#Input_Note").FillAsync("呼び鈴に応答がなく、新聞が二日分たまっています。");
        await visitor.Locator("#report-submit").ClickAsync();
        await Expect(visitor.Locator("#flash")).ToBeVisibleAsync();
        await visitor.OpenLiveAsync("/Contracts");

        // The officer keeps the alerts list open on the same phone in a second tab, and a colleague watches it too.
        var officerList = await officer.Context.NewPageAsync();
        await officerList.OpenLiveAsync("/Alerts");
        await colleague.OpenLiveAsync("/Alerts");
        await officer.GotoAsync("/Alerts");
        await officer.Locator("#alert-list li[data-alert-id] a").First.ClickAsync();
        await officer.WaitConnectedAsync();
        await officer.Locator("#Note").FillAsync("ご家族に電話し、夕方に様子を見に行っていただけることになりました。");
        await officer.Locator("#alert-acknowledge").ClickAsync();
        await Expect(officer.Locator("#flash")).ToBeVisibleAsync();

        // The colleague and the group are told; the officer's other tab received it (its list and count update) but
        // shows no notice of what the officer just did.
        await Expect(colleague.Toast("VisitAlertAcknowledged", DailyWork)).ToHaveCountAsync(1);
        await Expect(visitor.Toast("VisitAlertAcknowledged", DailyWork)).ToHaveCountAsync(1);
        await colleague.ShotAsync("notices-01-colleague-375", fullPage: false);
        await officerList.WaitForFunctionAsync("() => window.matchboardLive.received.some(n => n.type === 'VisitAlertAcknowledged')");
        await Expect(officerList.Locator("#toasts .toast")).ToHaveCountAsync(0);
        await Expect(officer.Locator("#toasts .toast")).ToHaveCountAsync(0);

        await CloseAll(visitor, officer, colleague);
    }

    [Fact]
    public async Task ANoticeClosesWithItsButtonAndAThirdPushesOutTheFirst()
    {
        var officer = await app.NewPageAsync(width: 375, height: 812);
        await officer.SignInAsync(Ui.Kizuki);
        await officer.OpenLiveAsync("/Tasks/New");
        var organizationId = await OrganizationOfAsync(Ui.Kizuki);
        var after = long.Parse(await officer.Locator("#live-config").GetAttributeAsync("data-last-sequence") ?? "0");

        await PushAsync(organizationId, after + 1, "公園の清掃（一）");
        await PushAsync(organizationId, after + 1, "公園の清掃（一）"); // the same notification again: shown once
        await PushAsync(organizationId, after + 2, "公園の清掃（二）");
        var toasts = officer.Locator("#toasts .toast");
        await Expect(toasts).ToHaveCountAsync(2);

        // On a phone the notices sit under the header, in the flow: above the form, never over it.
        var boxes = await officer.EvaluateAsync<double[]>("""
            () => [document.querySelector('header').getBoundingClientRect().bottom,
                   document.getElementById('toasts').getBoundingClientRect().top,
                   document.getElementById('toasts').getBoundingClientRect().bottom,
                   document.getElementById('Input_Title').getBoundingClientRect().top]
            """);
        Assert.True(boxes[1] >= boxes[0], $"toasts start at {boxes[1]}, above the header's bottom {boxes[0]}");
        Assert.True(boxes[3] >= boxes[2], $"the first field ({boxes[3]}) is under the toasts ({boxes[2]})");
        Assert.Equal("static", await officer.Locator("#toasts").EvaluateAsync<string>("e => getComputedStyle(e).position"));
        await officer.ShotAsync("notices-02-two-toasts-375", fullPage: false);

        // A third pushes out the oldest: never more than two.
        await PushAsync(organizationId, after + 3, "公園の清掃（三）");
        await Expect(toasts).ToHaveCountAsync(2);
        await Expect(toasts.First).ToContainTextAsync("公園の清掃（二）");
        await Expect(toasts.Last).ToContainTextAsync("公園の清掃（三）");

        // 閉じる is a real button of 44px or more; closing takes the notice away and leaves the other.
        var close = toasts.Last.GetByRole(AriaRole.Button, new() { Name = "閉じる" });
        var size = await close.BoundingBoxAsync();
        Assert.True(size!.Height >= 44 && size.Width >= 44, $"close button {size.Width}x{size.Height}");
        await close.ClickAsync();
        await Expect(toasts).ToHaveCountAsync(1);
        await Expect(toasts.First).ToContainTextAsync("公園の清掃（二）");

        // By keyboard too: the focus moves to the next notice's button, or back to the page.
        await toasts.First.GetByRole(AriaRole.Button, new() { Name = "閉じる" }).FocusAsync();
        await officer.Keyboard.PressAsync("Enter");
        await Expect(toasts).ToHaveCountAsync(0);
        await Expect(officer.Locator("#main")).ToBeFocusedAsync();
        await Expect(officer.Locator("#toasts")).ToBeHiddenAsync();

        await officer.Context.CloseAsync();
    }

    /// <summary>A push straight through the hub, as the outbox sends one (no row: this page only needs the toast).</summary>
    private async Task PushAsync(int organizationId, long sequence, string title)
    {
        var sender = app.Services.GetRequiredService<INotificationSender>();
        await sender.SendAsync(organizationId, new NotificationDto
        {
            Sequence = sequence,
            Type = NotificationType.TaskPosted,
            TaskId = 1,
            Title = title,
            OccurredAt = app.Clock.GetUtcNow(),
        }, CancellationToken.None);
    }

    private async Task<int> OrganizationOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.FindByEmailAsync(email))!.OrganizationId;
    }

    /// <summary>A second member of the same organization, signed in on their own phone.</summary>
    private async Task<string> AddColleagueOfAsync(string email)
    {
        var organizationId = await OrganizationOfAsync(email);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var colleague = $"member-{Guid.NewGuid():N}@example.jp";
        var result = await users.CreateAsync(
            new ApplicationUser { UserName = colleague, Email = colleague, EmailConfirmed = true, OrganizationId = organizationId, DisplayName = "木月三丁目町内会 会計" },
            Ui.Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return colleague;
    }

    private static async Task CloseAll(params IPage[] pages)
    {
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }
}
