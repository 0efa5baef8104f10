using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Matchboard.Browser.Tests.Infrastructure;
using Matchboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Matchboard.Browser.Tests;

/// <summary>How the pages read, look and behave for one person: accessibility, small screens, errors, language.</summary>
public sealed class PageQualityTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    /// <summary>Seed task of 木月三丁目町内会 with a bid from なかはら見守りネット (¥168,000).</summary>
    private const string SeedTaskTitle = "一人暮らし高齢者の見守り訪問（週1回）";

    /// <summary>Kana or kanji (written for JavaScript's regex engine, which Playwright's assertions use).</summary>
    private static readonly Regex Japanese = new("[\u3040-\u30ff\u4e00-\u9fff]");

    /// <summary>The demo's active watch-over contract, with households, today's visits and an open alert.</summary>
    private const string DailyWorkTitle = "毎日の見守り訪問";

    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    [Fact]
    public async Task EveryPageTypeHasNoSeriousOrCriticalAccessibilityViolation()
    {
        var problems = new StringBuilder();
        var checkedPages = new List<string>();

        async Task Check(IPage page, string name)
        {
            if (await page.Locator("#live-status").CountAsync() > 0)
            {
                await page.WaitConnectedAsync();
            }

            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
            });
            Assert.True(result.Passes.Length > 0, $"axe ran no checks on {name}");
            checkedPages.Add($"{name} ({result.Passes.Length} rules passed)");
            foreach (var v in result.Violations)
            {
                var line = $"[{name}] {v.Impact} {v.Id}: {v.Help} — " +
                    string.Join(" | ", v.Nodes.Take(5).Select(n => $"{n.Target} {n.Html}"));
                output.WriteLine(line);
                if (v.Impact is "serious" or "critical")
                {
                    problems.AppendLine(line);
                }
            }
        }

        var anonymous = await app.NewPageAsync();
        await anonymous.GotoAsync("/");
        await Check(anonymous, "home");
        await anonymous.GotoAsync("/Tasks");
        await Check(anonymous, "board");
        await anonymous.Locator("#task-list a").Filter(new() { HasText = SeedTaskTitle }).ClickAsync();
        var taskUrl = new Uri(anonymous.Url).AbsolutePath;
        await Check(anonymous, "task page (anonymous)");
        await anonymous.GotoAsync("/Accounts/SignIn");
        await Check(anonymous, "sign-in");
        await anonymous.Locator("main form button[type=submit]").ClickAsync();
        await Expect(anonymous.Locator("#error-summary")).ToBeVisibleAsync();
        await Check(anonymous, "sign-in (errors)");
        await anonymous.GotoAsync("/Join?kind=CivicGroup");
        await anonymous.Locator("main form button[type=submit]").ClickAsync();
        await Expect(anonymous.Locator("#error-summary")).ToBeVisibleAsync();
        await Check(anonymous, "join (errors)");
        await anonymous.GotoAsync("/Tasks/999999");
        await Check(anonymous, "not found");
        foreach (var (path, name) in new[]
        {
            ("/Privacy", "privacy"), ("/Terms", "terms"), ("/Contact", "contact"), ("/About", "about"),
            ("/Join", "join (choose a kind)"), ("/Join?kind=Association", "join (association)"), ("/Join?kind=CivicGroup", "join (civic group)"),
            ("/Join?kind=Supporter", "join (supporter)"), ("/Join/Sent", "join (mail sent)"), ("/Accounts/ForgotPassword", "forgotten password"),
            ("/Accounts/ConfirmEmail?userId=someone&code=code", "confirm email"), ("/Accounts/ResetPassword?email=nobody%40example.jp&token=forged", "reset password (used link)"),
            ("/Groups", "directory"), ("/Awards", "award register"),
        })
        {
            await anonymous.GotoAsync(path);
            await Check(anonymous, name);
        }

        await anonymous.GotoAsync("/Groups");
        // A group holding the mark, so that the city's page below offers to suspend it.
        var groupPage = await anonymous.Locator("#group-list li.card").Filter(new() { HasText = "市の認証あり" }).First
            .Locator("h3 a").GetAttributeAsync("href");
        await anonymous.GotoAsync(groupPage!);
        await Expect(anonymous.Locator("#certification [data-certification-state]")).ToBeVisibleAsync();
        await Check(anonymous, "organization page (public, with the mark's badge)");

        var officer = await app.NewPageAsync();
        await officer.SignInAsync(Ui.Kizuki);
        await officer.GotoAsync("/");
        await Expect(officer.Locator("#todo li[data-todo]")).Not.ToHaveCountAsync(0);
        await Check(officer, "home (officer, with the to-do list)");
        await officer.GotoAsync(taskUrl);
        // Still taking bids: sealed from the officer too, who sees how many arrived.
        await Expect(officer.Locator("#bids-sealed")).ToBeVisibleAsync();
        // The invitation section (the groups the task is for, with invite buttons) is checked with the page.
        await Expect(officer.Locator("#invitations")).ToBeVisibleAsync();
        await Check(officer, "task page (officer, bids sealed)");
        await officer.GotoAsync(taskUrl + "/Edit");
        await Check(officer, "edit task");
        await officer.GotoAsync("/Tasks/New");
        await Check(officer, "new task");
        await officer.Locator("#Input_Title").FillAsync(string.Empty);
        await officer.Locator("#task-preview").ClickAsync();
        await Expect(officer.Locator("#error-summary")).ToBeVisibleAsync();
        await Check(officer, "new task (errors)");
        await officer.GotoAsync("/Tasks/Mine");
        await Check(officer, "my tasks");
        await officer.GotoAsync("/Contracts");
        await Check(officer, "contracts");
        await officer.Locator("#contract-list a[href^='/Contracts/']").First.ClickAsync();
        await Expect(officer.Locator("#contract-status")).ToBeVisibleAsync();
        await Check(officer, "contract page");
        await officer.GotoAsync("/Notifications");
        await Check(officer, "notifications (officer)");
        await officer.GotoAsync("/Contracts");
        await officer.Locator("#contract-list a", new() { HasText = DailyWorkTitle }).ClickAsync();
        await Expect(officer.Locator("#contract-work-live")).ToBeVisibleAsync();
        await Check(officer, "contract page with the work (officer)");
        var contractUrl = new Uri(officer.Url).AbsolutePath;
        await officer.GotoAsync(contractUrl + "/Round");
        await Check(officer, "week's round");
        await officer.GotoAsync("/Alerts");
        await Check(officer, "alerts");
        await officer.Locator("#alert-list li[data-alert-id] a").First.ClickAsync();
        await Expect(officer.Locator("#alert-facts")).ToBeVisibleAsync();
        await Check(officer, "alert page with the acknowledge form");
        await officer.GotoAsync("/Accounts/EmailSettings");
        await Check(officer, "mail settings");
        await officer.GotoAsync("/Team");
        await Check(officer, "members (officer)");
        await officer.GotoAsync("/Support?category=watch-over");
        await Check(officer, "supporters nearby (officer)");

        var group = await app.NewPageAsync();
        await group.SignInAsync(Ui.Mimamori);
        await group.GotoAsync("/");
        await Expect(group.Locator("#todo li[data-todo]")).Not.ToHaveCountAsync(0);
        await Check(group, "home (group, with the to-do list)");
        await group.GotoAsync("/Tasks?matching=true");
        await Check(group, "matching board");
        await group.GotoAsync("/Matches");
        await Check(group, "recommended for us");
        await group.GotoAsync(taskUrl);
        await Expect(group.Locator("#my-bid-summary")).ToBeVisibleAsync();
        await Check(group, "task page (group with own bid)");
        await group.GotoAsync("/Bids/Mine");
        await Check(group, "my bids");
        await group.GotoAsync("/Organizations/Profile");
        await Check(group, "profile");
        await group.GotoAsync("/Contracts");
        await Check(group, "contracts (group)");
        await group.GotoAsync("/Notifications");
        await Check(group, "notifications (group)");
        await group.GotoAsync(contractUrl + "/Report");
        await Check(group, "visit report form");
        await group.GotoAsync("/Complaints/New?subject=Conduct&contractId=" + contractUrl.Split('/')[^1]);
        await Check(group, "complaint form (group)");
        await group.GotoAsync("/Complaints");
        await Check(group, "complaints (group)");
        await group.GotoAsync("/Reviews/1/Report");
        await Check(group, "report a review");

        var city = await app.NewPageAsync();
        await city.SignInAsync(Ui.City);
        await city.GotoAsync("/City");
        await Check(city, "city");
        await city.GotoAsync("/City/Accounts");
        await Check(city, "city accounts");
        await city.GotoAsync("/City/Dashboard");
        await Check(city, "city dashboard");
        var englishCity = await app.NewPageAsync(locale: "en-US");
        await englishCity.SignInAsync(Ui.City);
        await englishCity.GotoAsync("/City/Dashboard");
        await Check(englishCity, "city dashboard (English)");
        await city.GotoAsync("/City/Complaints");
        await Check(city, "city complaints");
        await city.GotoAsync("/City/ReviewReports");
        await Check(city, "reported reviews");
        await city.GotoAsync("/City/Audit?verify=true");
        await Expect(city.Locator("#verification")).ToBeVisibleAsync();
        await Check(city, "city audit log");
        await city.GotoAsync("/City");
        await city.Locator("#queue li[data-organization-id] h3 a").First.ClickAsync();
        await Expect(city.Locator("#decide-form")).ToBeVisibleAsync();
        await Check(city, "verification review");
        await city.Locator("#decision-InformationRequested").CheckAsync();
        await city.Locator("#Reason").FillAsync("規約を送ってください。");
        await city.Locator("#to-confirm").ClickAsync();
        await Expect(city.Locator("#confirm")).ToBeVisibleAsync();
        await Check(city, "verification decision, confirmation step");

        await city.GotoAsync("/City" + groupPage + "/Certification");
        await Expect(city.Locator("#certification-state")).ToBeVisibleAsync();
        await Check(city, "certification mark (city)");
        await city.Locator("#action-Suspend").CheckAsync();
        await city.Locator("#to-confirm-lapse").ClickAsync();
        await Expect(city.Locator("#error-summary")).ToBeVisibleAsync();
        await Check(city, "certification mark, refused at the confirmation step (city)");
        await city.Locator("#Reason").FillAsync("調査のため一時停止します。");
        await city.Locator("#to-confirm-lapse").ClickAsync();
        await Expect(city.Locator("#confirm")).ToBeVisibleAsync();
        await Check(city, "certification mark, confirmation step (city)");

        foreach (var locale in new[] { "ja-JP", "en-US" })
        {
            var supporter = await app.NewPageAsync(locale: locale);
            await supporter.SignInAsync(Ui.Supporter);
            await supporter.GotoAsync("/");
            await Check(supporter, $"home (supporter, {locale})");
            await supporter.GotoAsync("/Support/Requests");
            await Check(supporter, $"support requests (supporter, {locale})");
        }

        var unverified = await app.NewPageAsync();
        await unverified.SignInAsync(Ui.Unverified);
        await unverified.GotoAsync(taskUrl);
        await Expect(unverified.Locator("#verification-notice")).ToBeVisibleAsync();
        await Check(unverified, "task page (unverified group, with the notice)");
        await unverified.GotoAsync("/Organizations/Verification");
        await Check(unverified, "verification (group's own page)");
        var englishUnverified = await app.NewPageAsync(locale: "en-US");
        await englishUnverified.SignInAsync(Ui.Unverified);
        await englishUnverified.GotoAsync("/Organizations/Verification");
        await Check(englishUnverified, "verification (group's own page, English)");
        var englishRecommended = await app.NewPageAsync(locale: "en-US");
        await englishRecommended.SignInAsync(Ui.Mimamori);
        await englishRecommended.GotoAsync("/Matches");
        await Check(englishRecommended, "recommended for us (English)");

        var english = await app.NewPageAsync(locale: "en-US");
        await english.GotoAsync(taskUrl);
        await Expect(english.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Check(english, "task page (English)");
        await english.GotoAsync("/Privacy");
        await Check(english, "privacy (English)");
        await english.GotoAsync("/Team/Join?token=forged");
        await Check(english, "join by invitation, link refused (English)");
        await english.GotoAsync("/Groups");
        await Check(english, "directory (English)");
        await english.GotoAsync("/Awards");
        await Check(english, "award register (English)");
        var englishOfficer = await app.NewPageAsync(locale: "en-US");
        await englishOfficer.SignInAsync(Ui.Kizuki);
        await englishOfficer.GotoAsync("/");
        await Expect(englishOfficer.Locator("#todo-heading")).ToHaveTextAsync("What to do now");
        await Check(englishOfficer, "home (officer, English)");
        await englishOfficer.GotoAsync("/Team");
        await Check(englishOfficer, "members (officer, English)");
        await englishOfficer.GotoAsync("/Complaints/New?subject=Conduct&contractId=" + contractUrl.Split('/')[^1]);
        await Check(englishOfficer, "complaint form (officer, English)");
        await englishOfficer.GotoAsync("/Complaints");
        await Check(englishOfficer, "complaints (officer, English)");
        await englishCity.GotoAsync("/City/Complaints");
        await Check(englishCity, "city complaints (English)");
        await englishCity.GotoAsync("/City/ReviewReports");
        await Check(englishCity, "reported reviews (English)");
        var englishGroup = await app.NewPageAsync(locale: "en-US");
        await englishGroup.SignInAsync(Ui.Tamagawa);
        await englishGroup.GotoAsync("/");
        await Expect(englishGroup.Locator("#todo-heading")).ToHaveTextAsync("What to do now");
        await Check(englishGroup, "home (group, English)");

        output.WriteLine($"axe checked {checkedPages.Count} pages: {string.Join(", ", checkedPages)}");
        Assert.True(problems.Length == 0, "Serious or critical accessibility violations:\n" + problems);
        await CloseAll(anonymous, officer, group, city, english, unverified, englishUnverified);
    }

    [Fact]
    public async Task TheMainPagesFitA375PixelScreenAndAreCapturedAtBothWidths()
    {
        var anonymous = await app.NewPageAsync();
        var officer = await app.NewPageAsync();
        var group = await app.NewPageAsync();
        var city = await app.NewPageAsync();
        await officer.SignInAsync(Ui.Kizuki);
        await group.SignInAsync(Ui.Mimamori);
        await city.SignInAsync(Ui.City);
        await anonymous.GotoAsync("/Tasks");
        await anonymous.Locator("#task-list a").Filter(new() { HasText = SeedTaskTitle }).ClickAsync();
        var taskUrl = new Uri(anonymous.Url).AbsolutePath;

        var shots = new (string Name, IPage Page, string Url)[]
        {
            ("home", anonymous, "/"),
            ("board", anonymous, "/Tasks"),
            ("task-officer", officer, taskUrl),
            ("task-group", group, taskUrl),
            ("new-task", officer, "/Tasks/New"),
            ("alerts-officer", officer, "/Alerts"),
            ("privacy", anonymous, "/Privacy"),
            ("terms", anonymous, "/Terms"),
            ("contact", anonymous, "/Contact"),
            ("about", anonymous, "/About"),
            ("join-group", anonymous, "/Join?kind=CivicGroup"),
            ("directory", anonymous, "/Groups"),
            ("city-dashboard", city, "/City/Dashboard"),
            ("awards", anonymous, "/Awards"),
            ("home-group", group, "/"),
            ("recommended", group, "/Matches"),
        };
        var overflowing = new List<string>();
        foreach (var width in new[] { 1280, 375 })
        {
            foreach (var (name, page, url) in shots)
            {
                await page.SetViewportSizeAsync(width, width == 375 ? 812 : 900);
                await page.GotoAsync(url);
                if (await page.Locator("#live-status").CountAsync() > 0)
                {
                    await page.WaitConnectedAsync();
                }

                await page.ShotAsync($"{name}-{width}");
                if (name == "board" && width == 375)
                {
                    // A shorter copy for the README: the filters and the first results.
                    await page.ScreenshotAsync(new PageScreenshotOptions
                    {
                        Path = Path.Combine(BrowserApp.ArtifactsDirectory, "screenshots", "board-375-top.png"),
                        FullPage = true,
                        Clip = new Clip { X = 0, Y = 0, Width = 375, Height = 1800 },
                    });
                }
                if (name.StartsWith("task-", StringComparison.Ordinal))
                {
                    // The back link sits clear of the header, not glued to it.
                    var gap = await page.EvaluateAsync<double>(
                        "() => document.querySelector('main > p:first-child').getBoundingClientRect().top - document.querySelector('header').getBoundingClientRect().bottom");
                    Assert.True(gap >= 8, $"{name} at {width}px: back link {gap}px below the header");
                }

                if (width == 375)
                {
                    var sizes = await page.EvaluateAsync<int[]>(
                        "() => [document.documentElement.scrollWidth, window.innerWidth]");
                    var (scroll, inner) = (sizes[0], sizes[1]);
                    if (scroll > inner)
                    {
                        var culprits = await page.EvaluateAsync<string[]>(
                            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)" +
                            ".slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '') + ' ' + Math.round(e.getBoundingClientRect().right))");
                        overflowing.Add($"{name}: scrollWidth {scroll} > {inner}: {string.Join(", ", culprits)}");
                    }
                }
            }
        }

        Assert.True(overflowing.Count == 0, "Horizontal scroll at 375px:\n" + string.Join("\n", overflowing));
        await CloseAll(anonymous, officer, group);
    }

    [Theory]
    [InlineData("ja-JP", "入力内容をご確認ください", "入力してください。", "今より後の日時を入力してください。", "依頼の題名：", "提案の締切日：")]
    [InlineData("en-US", "Please check what you entered", "This field is required.", "Enter a date and time in the future.", "Title: ", "Proposal deadline (date): ")]
    public async Task ATaskWithoutTitleAndWithAPastDeadlineIsRefusedWithMessagesNextToTheFields(
        string locale, string heading, string titleMessage, string deadlineMessage, string titleLabel, string deadlineLabel)
    {
        var officer = await app.NewPageAsync(locale: locale);
        await officer.SignInAsync(Ui.Kizuki);
        var before = await CountTasksAsync();

        await officer.GotoAsync("/Tasks/New");
        await Expect(officer.Locator("html")).ToHaveAttributeAsync("lang", locale[..2]);
        // The hint says "leave it at 0 if you do not know", so it starts at 0.
        await Expect(officer.Locator("#Input_HouseholdsServed")).ToHaveValueAsync("0");
        if (locale == "en-US")
        {
            // "Notifications (0 unread)": a visible space before the parenthesis.
            var gap = await officer.EvaluateAsync<double>("""
                () => {
                    const link = document.querySelector('#notifications-link');
                    const words = document.createRange();
                    words.selectNodeContents(link.firstChild);
                    const text = link.querySelector('.unread').firstChild;
                    const paren = document.createRange();
                    paren.setStart(text, text.textContent.indexOf('('));
                    paren.setEnd(text, text.textContent.indexOf('(') + 1);
                    return paren.getBoundingClientRect().left - words.getBoundingClientRect().right;
                }
                """);
            Assert.True(gap >= 2, $"no space between 'Notifications' and '(n unread)': {gap}px");
        }

        await officer.Locator("#Input_Title").FillAsync(string.Empty);
        await officer.Locator("#Input_Category").SelectOptionAsync("watch-over");
        await officer.Locator("#Input_Description").FillAsync("締切が過ぎた依頼（検証のテスト）");
        await officer.Locator("#Input_FeeYen").FillAsync("50000");
        await officer.Locator("#Input_DeadlineDate").FillAsync(app.Today().AddDays(-1).Iso());
        await officer.Locator("#task-preview").ClickAsync();

        var summary = officer.Locator("#error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary.Locator("h2")).ToHaveTextAsync(heading);
        // The summary names the field; the message beside the field needs no name.
        await Expect(summary.Locator("a[href='#Input_Title']")).ToHaveTextAsync(titleLabel + titleMessage);
        await Expect(summary.Locator("a[href='#Input_DeadlineDate']")).ToHaveTextAsync(deadlineLabel + deadlineMessage);
        await Expect(officer.Locator("#Input_Title-error")).ToHaveTextAsync(titleMessage);
        await Expect(officer.Locator("#Input_DeadlineDate-error")).ToHaveTextAsync(deadlineMessage);
        await Expect(officer.Locator("#task-publish")).ToHaveCountAsync(0);
        await Expect(officer.Locator("#preview-task-title")).ToHaveCountAsync(0);
        // What was typed is kept.
        await Expect(officer.Locator("#Input_Description")).ToHaveValueAsync("締切が過ぎた依頼（検証のテスト）");

        // The summary's link takes the keyboard to the field.
        await summary.Locator("a[href='#Input_Title']").ClickAsync();
        await Expect(officer.Locator("#Input_Title")).ToBeFocusedAsync();
        await officer.ShotAsync($"new-task-errors-{locale}");

        Assert.Equal(before, await CountTasksAsync());
        await officer.Context.CloseAsync();
    }

    [Fact]
    public async Task OnAPhoneARefusedTaskTakesFocusToASummaryInTheOrderOfTheForm()
    {
        var officer = await app.NewPageAsync(width: 375, height: 812);
        await officer.SignInAsync(Ui.Kizuki);
        var before = await CountTasksAsync();

        // Wrong from the top of the form to the bottom; the domain checks the description before the category.
        await officer.GotoAsync("/Tasks/New");
        await officer.Locator("#Input_Title").FillAsync(string.Empty);
        await officer.Locator("#Input_Description").FillAsync(string.Empty);
        await officer.Locator("#Input_Town").FillAsync(new string('町', 41));
        await officer.Locator("#Input_FeeYen").FillAsync("-1");
        await officer.Locator("#Input_DeadlineDate").FillAsync(app.Today().AddDays(-1).Iso());
        await officer.Locator("#task-preview").ClickAsync();

        var summary = officer.Locator("#error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.Locator("a")).ToHaveCountAsync(6);
        var targets = await summary.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(["#Input_Title", "#Input_Category", "#Input_Description", "#Input_Town", "#Input_FeeYen", "#Input_DeadlineDate"], targets);
        await Expect(summary.Locator("a[href='#Input_Town']")).ToHaveTextAsync("町名：40文字以内で入力してください。");
        await Expect(officer.Locator("#Input_Town-error")).ToHaveTextAsync("40文字以内で入力してください。");
        // The summary is on screen where focus put it, not below the header.
        var box = await summary.BoundingBoxAsync();
        Assert.True(box is { Y: < 812 } && box.Y + box.Height > 0, $"summary off screen: {box?.Y}");
        await officer.ShotAsync("new-task-error-summary-375");

        Assert.Equal(before, await CountTasksAsync());
        await officer.Context.CloseAsync();
    }

    [Fact]
    public async Task TheLanguageSwitchTurnsThePagesEnglishAndBack()
    {
        var page = await app.NewPageAsync(locale: "ja-JP");
        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");

        await page.GetByRole(AriaRole.Link, new() { Name = "Show in English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Expect(page.Locator("nav a[href='/Tasks']")).ToHaveTextAsync(new Regex("[A-Za-z]"));

        // The choice is remembered on the next page.
        await page.Locator("nav a[href='/Tasks']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Tasks$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).Not.ToHaveTextAsync(Japanese);
        var cookies = await page.Context.CookiesAsync();
        Assert.Contains(cookies, c => c.Name == ".AspNetCore.Culture" && c.Value.Contains("en", StringComparison.Ordinal));

        // And back, staying on the same page.
        await page.GetByRole(AriaRole.Link, new() { Name = "日本語で表示" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Tasks$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await Expect(page.Locator("h1")).ToHaveTextAsync(Japanese);
        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheBoardLoadsNoScriptForVisitorsAndOnlyTheLiveClientAndMenuForMembers()
    {
        var report = new StringBuilder();
        foreach (var who in new[] { "anonymous", Ui.Mimamori })
        {
            string? signedIn = null;
            if (who != "anonymous")
            {
                var signIn = await app.NewPageAsync();
                await signIn.SignInAsync(who);
                signedIn = await signIn.Context.StorageStateAsync();
                await signIn.Context.CloseAsync();
            }

            // A new context: nothing cached, as on a first visit.
            var page2 = await app.NewPageAsync(storageState: signedIn);
            var transferred = new List<(string Url, long Bytes)>();
            page2.RequestFinished += async (_, request) =>
            {
                var sizes = await request.SizesAsync();
                lock (transferred)
                {
                    transferred.Add((request.Url, sizes.ResponseHeadersSize + sizes.ResponseBodySize));
                }
            };
            await page2.GotoAsync("/Tasks", new() { WaitUntil = WaitUntilState.Load });
            if (who != "anonymous")
            {
                await page2.WaitConnectedAsync();
            }

            var perf = await page2.EvaluateAsync<long>(
                "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((s, e) => s + (e.transferSize || 0), 0)");
            await Expect(page2.Locator("#task-list li")).Not.ToHaveCountAsync(0);
            long total;
            string lines;
            lock (transferred)
            {
                total = transferred.Sum(t => t.Bytes);
                lines = string.Join("\n", transferred.Select(t => $"    {t.Bytes,8:N0}  {t.Url}"));
            }

            report.AppendLine(CultureInfo.InvariantCulture, $"/Tasks first load ({who}): {transferred.Count} requests, {total:N0} bytes (Playwright sizes, headers+body); Performance API transferSize {perf:N0} bytes\n{lines}");
            var scripts = transferred.Where(t => new Uri(t.Url).AbsolutePath.EndsWith(".js", StringComparison.Ordinal)).Select(t => new Uri(t.Url).AbsolutePath).ToList();
            if (who == "anonymous")
            {
                // A visitor's board is plain HTML and CSS: nothing live to connect to, so no script at all.
                Assert.Empty(scripts);
            }
            else
            {
                Assert.Equal(["/js/live.js", "/js/menu.js", "/lib/signalr/signalr.min.js"], scripts.Order(StringComparer.Ordinal));
            }

            await page2.Context.CloseAsync();
        }

        output.WriteLine(report.ToString());
        await File.WriteAllTextAsync(Path.Combine(BrowserApp.ArtifactsDirectory, "page-weight.txt"), report.ToString());
    }

    private async Task<int> CountTasksAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MatchboardDbContext>().Tasks.CountAsync();
    }

    private static async Task CloseAll(params IPage[] pages)
    {
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }
}
