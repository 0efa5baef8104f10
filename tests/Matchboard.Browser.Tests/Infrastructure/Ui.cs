using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Matchboard.Browser.Tests.Infrastructure;

/// <summary>What a person does in the browser, in a few steps each test reuses.</summary>
public static class Ui
{
    public const string Password = "Matchboard-2026";
    public const string Kizuki = "officer.kizuki@example.jp";
    public const string Mimamori = "staff.mimamori@example.jp";
    public const string Tamagawa = "staff.tamagawa@example.jp";
    public const string City = "city.staff@example.jp";
    public const string Unverified = "staff.unverified@example.jp";
    public const string Supporter = "supporter.kosugi@example.jp";

    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    /// <summary>Today in Japan on the server's (fake) clock.</summary>
    public static DateOnly Today(this BrowserApp app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(Jst).DateTime);

    public static string Iso(this DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task SignInAsync(this IPage page, string email)
    {
        await page.GotoAsync("/Accounts/SignIn");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("/Accounts/SignIn"));
    }

    /// <summary>Opens a signed-in page and waits until its live connection is up.</summary>
    public static async Task OpenLiveAsync(this IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitConnectedAsync(page);
    }

    public static Task WaitConnectedAsync(this IPage page) =>
        Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "connected");

    /// <summary>The whole page, or with <paramref name="fullPage"/> false only what the screen shows.</summary>
    public static async Task ShotAsync(this IPage page, string name, bool fullPage = true)
    {
        var dir = Directory.CreateDirectory(Path.Combine(BrowserApp.ArtifactsDirectory, "screenshots")).FullName;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = fullPage });
    }

    public static ILocator Toast(this IPage page, string type, string title) =>
        page.Locator($"#toasts .toast[data-type={type}]").Filter(new LocatorFilterOptions { HasText = title });

    /// <summary>Fills the new-task form and publishes it through the preview; returns the new task's id.</summary>
    public static async Task<int> PostTaskAsync(
        this IPage officer, BrowserApp app, string title, string category, string ward, bool certification, int deadlineInDays = 3, long feeYen = 180_000)
    {
        await officer.GotoAsync("/Tasks/New");
        await officer.Locator("#Input_Title").FillAsync(title);
        await officer.Locator("#Input_Category").SelectOptionAsync(category);
        await officer.Locator("#Input_Description").FillAsync("週に1回、一人暮らしの高齢者のお宅を訪ね、様子をうかがいます。訪問記録を毎月お渡しください。");
        await officer.Locator("#Input_Ward").SelectOptionAsync(ward);
        await officer.Locator("#Input_HouseholdsServed").FillAsync("12");
        await officer.Locator("#Input_FeeYen").FillAsync(feeYen.ToString(CultureInfo.InvariantCulture));
        await officer.Locator("#Input_DeadlineDate").FillAsync(app.Today().AddDays(deadlineInDays).Iso());
        await officer.Locator("#Input_DeadlineTime").FillAsync("17:00");
        if (certification)
        {
            await officer.Locator("#Input_CertificationRequired").CheckAsync();
        }

        await officer.Locator("#task-preview").ClickAsync();
        await Expect(officer.Locator("#preview-task-title")).ToHaveTextAsync(title);
        await officer.Locator("#task-publish").ClickAsync();
        await Expect(officer.Locator("#flash")).ToBeVisibleAsync();
        await Expect(officer.Locator("h1")).ToHaveTextAsync(title);
        var match = Regex.Match(officer.Url, @"/Tasks/(\d+)");
        Assert.True(match.Success, officer.Url);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public static async Task PlaceBidAsync(this IPage group, BrowserApp app, long amountYen, string proposal, int staff = 3)
    {
        await group.Locator("#Bid_AmountYen").FillAsync(amountYen.ToString(CultureInfo.InvariantCulture));
        await group.Locator("#Bid_Proposal").FillAsync(proposal);
        await group.Locator("#Bid_StaffPlanned").FillAsync(staff.ToString(CultureInfo.InvariantCulture));
        await group.Locator("#Bid_EarliestStart").FillAsync(app.Today().AddDays(21).Iso());
        await group.SendBidAsync();
        await Expect(group.Locator("#my-bid-summary")).ToContainTextAsync(proposal);
    }

    /// <summary>Goes to the bid's confirmation step and sends it from there.</summary>
    public static async Task SendBidAsync(this IPage group)
    {
        await group.Locator("#bid-submit").ClickAsync();
        await Expect(group.Locator("#bid-confirmation")).ToBeVisibleAsync();
        await group.Locator("#bid-confirm").ClickAsync();
        await Expect(group.Locator("#flash")).ToBeVisibleAsync();
    }

    public static string Yen(long amount) => amount.ToString("N0", CultureInfo.InvariantCulture);
}
