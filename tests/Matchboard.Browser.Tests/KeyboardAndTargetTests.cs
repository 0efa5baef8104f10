using Matchboard.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Matchboard.Browser.Tests;

/// <summary>Keyboard-only use with a visible focus ring, and targets large enough for unsteady hands.</summary>
public sealed class KeyboardAndTargetTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string FocusOutlineWidth = "() => parseFloat(getComputedStyle(document.activeElement).outlineWidth) || 0";

    [Fact]
    public async Task AnOfficerSignsInWithTheKeyboardAloneAndAlwaysSeesWhereTheFocusIs()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Accounts/SignIn");

        // The first Tab reaches the skip link, which appears and takes the keyboard to the content.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        await Expect(page.Locator(".skip-link")).ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<double>(FocusOutlineWidth) >= 3);
        await page.Keyboard.PressAsync("Enter");

        await TabUntilFocusedAsync(page, "#Email");
        Assert.True(await page.EvaluateAsync<double>(FocusOutlineWidth) >= 3);
        await page.Keyboard.TypeAsync(Ui.Kizuki);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#Password")).ToBeFocusedAsync();
        Assert.True(await page.EvaluateAsync<double>(FocusOutlineWidth) >= 3);
        await page.Keyboard.TypeAsync("Matchboard-2026");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#notifications-link")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task ButtonsFieldsAndMenuLinksAreAtLeast44PixelsTall(int width)
    {
        var page = await app.NewPageAsync(width: width);
        await page.SignInAsync(Ui.Kizuki);

        foreach (var url in new[] { "/Tasks", "/Tasks/New", "/Tasks/1" })
        {
            await page.GotoAsync(url);
            // On a phone the menu's links are measured open (menu.js folds them under 「メニュー」).
            if (await page.Locator("#menu-button").IsVisibleAsync())
            {
                await page.Locator("#menu-button").ClickAsync();
                await Expect(page.Locator("nav.site-nav")).ToBeVisibleAsync();
            }

            var small = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('button, input:not([type=hidden]):not([type=radio]):not([type=checkbox]), select, textarea, nav a, a.button')]
                    .filter(e => e.offsetParent !== null)
                    .map(e => ({ e, r: e.getBoundingClientRect() }))
                    .filter(({ r }) => r.height < 44 || r.width < 44)
                    .map(({ e, r }) => `${e.tagName.toLowerCase()}#${e.id || ''}.${e.className} "${(e.innerText || e.value || '').trim().slice(0, 20)}" ${Math.round(r.width)}x${Math.round(r.height)}`)
                """);
            Assert.True(small.Length == 0, $"{url} at {width}px has small targets:\n{string.Join("\n", small)}");
        }

        await page.Context.CloseAsync();
    }

    private static async Task TabUntilFocusedAsync(IPage page, string selector)
    {
        for (var i = 0; i < 30 && !await page.Locator(selector).EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Expect(page.Locator(selector)).ToBeFocusedAsync();
    }
}
