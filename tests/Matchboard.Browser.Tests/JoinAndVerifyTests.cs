using System.Globalization;
using System.Text.RegularExpressions;
using Matchboard.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Matchboard.Browser.Tests;

public sealed class JoinAndVerifyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string GroupName = "さいわい見守りネットワーク";
    private const string GroupEmail = "join.saiwai@example.jp";

    [Fact]
    public async Task AGroupSignsUpOnAPhoneTheCityVerifiesItAndTheGroupSeesItLive()
    {
        // A: a civic group's contact person on a 375 px phone.
        var group = await app.NewPageAsync(375, 812);
        await group.GotoAsync("/Join");
        await group.Locator("#join-civic-group").ClickAsync();
        await Expect(group).ToHaveURLAsync(new Regex("kind=CivicGroup"));
        await group.Locator("#Input_Name").FillAsync(GroupName);
        await group.Locator("#Input_Ward").SelectOptionAsync("saiwai");
        await group.Locator("#Input_Town").FillAsync("南加瀬");
        await group.Locator("#Input_LegalForm").SelectOptionAsync("VoluntaryGroup");
        await group.Locator("#Input_ActivityStyle").SelectOptionAsync("Volunteer");
        await group.Locator("#category-watch-over").CheckAsync();
        await group.Locator("#served-saiwai").CheckAsync();
        await group.Locator("#Input_Capacity").FillAsync("5");
        await group.Locator("#Input_Description").FillAsync("幸区で一人暮らしの高齢者の見守り訪問をしているボランティアの会です。");
        await group.Locator("#Input_ContactName").FillAsync("加瀬 花子");
        await group.Locator("#Input_Email").FillAsync(GroupEmail);
        await group.Locator("#Input_Password").FillAsync(Ui.Password);
        await group.Locator("main form button[type=submit]").ClickAsync();
        await Expect(group).ToHaveURLAsync(new Regex("/Join/Sent$"));
        await Expect(group.Locator("#join-sent")).ToBeVisibleAsync();

        // The confirmation link, from the mail the app dropped.
        var link = await ConfirmationLinkAsync(GroupEmail);
        await group.GotoAsync(link);
        var confirm = group.Locator("main form button[type=submit]");
        if (await confirm.CountAsync() > 0 && !await group.Locator("#confirmed").IsVisibleAsync())
        {
            await confirm.ClickAsync();
        }

        await Expect(group.Locator("#confirmed")).ToBeVisibleAsync();
        await group.SignInAsync(GroupEmail);
        await Expect(group.Locator("#verification-notice")).ToBeVisibleAsync();
        await group.WaitConnectedAsync();

        // B: city staff on another browser verify it through the confirmation step.
        var city = await app.NewPageAsync();
        await city.SignInAsync(Ui.City);
        await city.GotoAsync("/City");
        var card = city.Locator("#queue li.card").Filter(new LocatorFilterOptions { HasText = GroupName });
        await Expect(card).ToHaveCountAsync(1);
        var id = int.Parse((await card.GetAttributeAsync("data-organization-id"))!, CultureInfo.InvariantCulture);
        await card.Locator("h3 a").ClickAsync();
        await Expect(city).ToHaveURLAsync(new Regex($"/City/Organizations/{id}$"));
        await Expect(city.Locator("#verification-status")).ToHaveAttributeAsync("data-status", "Pending");
        await city.Locator("#decision-Verified").CheckAsync();
        await city.Locator("#to-confirm").ClickAsync();
        await Expect(city.Locator("#confirm")).ToBeVisibleAsync();
        await Expect(city.Locator("#verification-status")).ToHaveAttributeAsync("data-status", "Pending");
        await city.Locator("#decide").ClickAsync();
        await Expect(city.Locator("#flash")).ToBeVisibleAsync();
        await Expect(city.Locator("#verification-status")).ToHaveAttributeAsync("data-status", "Verified");

        // A, without reloading: the decision arrives as a live notice.
        await Expect(group.Toast("VerificationDecided", GroupName)).ToBeVisibleAsync();

        // The group's next page shows it verified, and the pending notice is gone.
        await group.GotoAsync("/Organizations/Verification");
        await Expect(group.Locator("#verification-state .status")).ToHaveAttributeAsync("data-status", "Verified");
        await Expect(group.Locator("#verification-notice")).ToHaveCountAsync(0);
        await group.GotoAsync("/");
        await Expect(group.Locator("#verification-notice")).ToHaveCountAsync(0);
        await group.GotoAsync("/Organizations/Verification");
        await group.ShotAsync("verified-group-375");
    }

    private async Task<string> ConfirmationLinkAsync(string email)
    {
        // The mail is sent after the commit; give it a moment to land.
        for (var i = 0; i < 100; i++)
        {
            var message = app.DroppedMail().LastOrDefault(m => m.To.Mailboxes.Any(b => b.Address == email));
            var match = message is null ? Match.Empty : Regex.Match(message.TextBody ?? string.Empty, @"/Accounts/ConfirmEmail\?[^\s""<>]+");
            if (match.Success)
            {
                // Opened on the test server, whatever public address the mail names.
                return match.Value;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No confirmation mail to {email} in {app.MailDrop}.");
    }
}
