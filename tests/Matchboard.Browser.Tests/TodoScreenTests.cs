using System.Text.RegularExpressions;
using Matchboard.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Matchboard.Browser.Tests;

/// <summary>The first screen after signing in, on a phone: what to do now, each with a count and a way there.</summary>
public sealed class TodoScreenTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AnOfficerOnAPhoneSeesWhatToDoAndFollowsTheDecisionWaiting()
    {
        var officer = await app.NewPageAsync(width: 375, height: 812);
        await officer.SignInAsync(Ui.Kizuki);
        await officer.GotoAsync("/");

        // Every line is there, in plain words; the one with work is a link with its count, the others say 「ありません」.
        var todo = officer.Locator("#todo");
        await Expect(todo.Locator("h2")).ToHaveTextAsync("いま、やること");
        await Expect(todo.Locator("li[data-todo]")).ToHaveCountAsync(3);
        var decide = todo.Locator("li[data-todo=decide] a");
        await Expect(decide).ToContainTextAsync("依頼先を決める依頼");
        await Expect(decide).ToContainTextAsync("1件");
        await Expect(todo.Locator("li[data-todo=questions]")).ToContainTextAsync("ありません");
        await Expect(todo.Locator("li[data-todo=questions] a")).ToHaveCountAsync(0);

        // Open alerts stay above it; nothing runs off the side of the phone; the link is a large target.
        var alertsBox = await officer.Locator("#home-alerts").BoundingBoxAsync();
        var todoBox = await todo.BoundingBoxAsync();
        Assert.True(alertsBox!.Y < todoBox!.Y, "open alerts come before the to-do list");
        Assert.True(await officer.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scroll at 375px");
        var target = await decide.BoundingBoxAsync();
        Assert.True(target!.Height >= 44, $"the link is {target.Height}px tall");
        await todo.ScrollIntoViewIfNeededAsync();
        await officer.ShotAsync("todo-officer-375", fullPage: false);

        await decide.ClickAsync();

        await Expect(officer).ToHaveURLAsync(new Regex("/Tasks/Mine#state-Closed$"));
        var closed = officer.Locator("section[data-status=Closed]");
        await Expect(closed.Locator("li[data-task-id]")).ToHaveCountAsync(1);
        await Expect(closed.Locator("[data-bid-count]")).ToHaveTextAsync("2件");
    }

    [Fact]
    public async Task AGroupOnAPhoneSeesItsToDoListAndFollowsTheMatchingTasksClosingSoon()
    {
        var group = await app.NewPageAsync(width: 375, height: 812);
        await group.SignInAsync(Ui.Tamagawa);
        await group.GotoAsync("/");

        var closingSoon = group.Locator("#todo li[data-todo=closing-soon] a");
        await Expect(closingSoon).ToContainTextAsync("締切が7日以内");
        var count = int.Parse(await group.Locator("#todo li[data-todo=closing-soon]").GetAttributeAsync("data-count") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(count > 0);
        // No task of the demo has changed under a bid: the line stays in its place and says there is nothing to confirm.
        await Expect(group.Locator("#todo li[data-todo=confirm]")).ToHaveAttributeAsync("data-count", "0");
        await Expect(group.Locator("#todo li[data-todo=confirm] .todo-none")).ToBeVisibleAsync();
        await group.Locator("#todo").ScrollIntoViewIfNeededAsync();
        await group.ShotAsync("todo-group-375", fullPage: false);

        await closingSoon.ClickAsync();

        await Expect(group).ToHaveURLAsync(new Regex(@"/Tasks\?matching=true&within=7$"));
        await Expect(group.Locator("#task-list [data-task-id]")).ToHaveCountAsync(count);
    }
}
