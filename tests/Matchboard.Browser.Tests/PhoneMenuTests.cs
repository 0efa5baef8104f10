using Matchboard.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Matchboard.Browser.Tests;

/// <summary>
/// On a phone the header leaves room for the page: the navigation folds under 「メニュー」, a disclosure button that
/// works by keyboard. Wide screens show the navigation as before; without JavaScript it simply shows.
/// </summary>
public sealed class PhoneMenuTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string HeaderHeight = "() => document.querySelector('header.site-header').getBoundingClientRect().height";

    [Fact]
    public async Task AtPhoneWidthTheHeaderIsAtMost120PixelsAndTheMenuOpensAndClosesByKeyboard()
    {
        var page = await app.NewPageAsync(width: 375, height: 812);
        await page.SignInAsync(Ui.Kizuki);
        await page.OpenLiveAsync("/Tasks");
        var button = page.GetByRole(AriaRole.Button, new() { Name = "メニュー" });
        var nav = page.Locator("nav.site-nav");

        var height = await page.EvaluateAsync<double>(HeaderHeight);
        Assert.True(height <= 120, $"header is {height}px tall at 375px");
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(button).ToHaveAttributeAsync("aria-controls", "site-menu");
        await Expect(nav).ToBeHiddenAsync();
        // The language switch and the live status stay on screen.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Show in English" })).ToBeVisibleAsync();
        await Expect(page.Locator("#live-status")).ToBeVisibleAsync();
        await page.ShotAsync("menu-01-closed-375", fullPage: false);

        // Tab reaches the button after the skip link, the site name and the language switch.
        for (var i = 0; i < 6 && !await button.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Expect(button).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(nav).ToBeVisibleAsync();
        await Expect(page.Locator(".signed-in-as")).ToBeVisibleAsync();
        await page.ShotAsync("menu-02-open-375", fullPage: false);

        // The next Tab goes into the menu; its links are large enough to hit.
        await page.Keyboard.PressAsync("Tab");
        await Expect(nav.Locator("a[href='/Tasks']")).ToBeFocusedAsync();
        foreach (var link in await nav.Locator("a, button").AllAsync())
        {
            var box = await link.BoundingBoxAsync();
            Assert.True(box!.Height >= 44 && box.Width >= 44, $"{await link.InnerTextAsync()}: {box.Width}x{box.Height}");
        }

        // Escape closes it from inside and gives the focus back to the button.
        await page.Keyboard.PressAsync("Escape");
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(nav).ToBeHiddenAsync();
        await Expect(button).ToBeFocusedAsync();

        // Space opens it again, Enter closes it.
        await page.Keyboard.PressAsync(" ");
        await Expect(nav).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(nav).ToBeHiddenAsync();

        // A link in the menu takes the officer where it says.
        await button.ClickAsync();
        await nav.Locator("a[href='/Contracts']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Contracts$"));
        Assert.True(await page.EvaluateAsync<double>(HeaderHeight) <= 120);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task InEnglishTheMemberHeaderAlsoFitsIn120PixelsBehindAMenuButton()
    {
        var page = await app.NewPageAsync(width: 375, height: 812, locale: "en-US");
        await page.SignInAsync(Ui.Mimamori);
        await page.OpenLiveAsync("/Tasks");

        var height = await page.EvaluateAsync<double>(HeaderHeight);
        Assert.True(height <= 120, $"the English header is {height}px tall at 375px");
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await Expect(page.Locator("nav.site-nav a[href='/Bids/Mine']")).ToBeVisibleAsync();
        await page.ShotAsync("menu-03-open-375-en", fullPage: false);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ja-JP")]
    [InlineData("en-US")]
    public async Task AVisitorsPhoneHeaderFitsIn120PixelsWithoutAMenu(string locale)
    {
        // A visitor has two links (the board and sign-in): they fit as they are, with no script at all.
        var page = await app.NewPageAsync(width: 375, height: 812, locale: locale);
        await page.GotoAsync("/Tasks");

        var height = await page.EvaluateAsync<double>(HeaderHeight);
        Assert.True(height <= 120, $"a visitor's header is {height}px tall at 375px ({locale})");
        await Expect(page.Locator("nav.site-nav a[href='/Accounts/SignIn']")).ToBeVisibleAsync();
        await Expect(page.Locator("#menu-button")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AWideScreenShowsTheNavigationWithoutAMenuButton()
    {
        var page = await app.NewPageAsync(width: 1280, height: 900);
        await page.SignInAsync(Ui.Kizuki);
        await page.OpenLiveAsync("/Tasks");

        await Expect(page.Locator("#menu-button")).ToBeHiddenAsync();
        await Expect(page.Locator("nav.site-nav a[href='/Tasks/Mine']")).ToBeVisibleAsync();
        await Expect(page.Locator("#notifications-link")).ToBeVisibleAsync();
        await Expect(page.Locator(".signed-in-as")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WithoutJavaScriptAPhoneShowsTheNavigationAndNoMenuButton()
    {
        var page = await app.NewPageAsync(width: 375, height: 812, javaScript: false);
        await page.SignInAsync(Ui.Kizuki);
        await page.GotoAsync("/Tasks");

        await Expect(page.Locator("#menu-button")).ToBeHiddenAsync();
        await Expect(page.Locator("nav.site-nav a[href='/Tasks/New']")).ToBeVisibleAsync();
        await Expect(page.Locator("#notifications-link")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
