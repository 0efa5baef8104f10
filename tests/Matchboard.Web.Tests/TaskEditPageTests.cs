using System.Net;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>The edit page over HTTP: the form comes filled in with the task, a save changes it and shows in 変更の記録.</summary>
public sealed class TaskEditPageTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task TheEditFormComesFilledInWithTheTask()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var page = await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer);

        var html = await page.Http.GetStringAsync($"/Tasks/{task.Id}/Edit");

        Assert.Contains($"value=\"{task.Title}\"", html);
        Assert.Matches("id=\"Input_VisitWeekdays_Tuesday\"[^>]*checked", html);
        Assert.Contains("value=\"20000\"", html);
    }

    [Fact]
    public async Task SavingTheFormChangesTheTaskAndTheTaskPageShowsTheChange()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var page = await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var deadline = task.BidDeadline.ToOffset(TimeSpan.FromHours(9));

        var save = await page.PostFormAsync($"/Tasks/{task.Id}/Edit", new()
        {
            ["Input.Title"] = task.Title,
            ["Input.Description"] = "駅前の歩道を月に1回清掃してください。",
            ["Input.Category"] = task.Category,
            ["Input.Ward"] = task.Ward,
            ["Input.Town"] = task.Town,
            ["Input.StartDate"] = $"{task.StartDate:yyyy-MM-dd}",
            ["Input.EndDate"] = $"{task.EndDate:yyyy-MM-dd}",
            ["Input.VisitWeekdays"] = "Tuesday",
            ["Input.HouseholdsServed"] = "12",
            ["Input.Pay"] = "volunteer",
            ["Input.FeeYen"] = "24000",
            ["Input.DeadlineDate"] = $"{deadline:yyyy-MM-dd}",
            ["Input.DeadlineTime"] = $"{deadline:HH:mm}",
            ["Input.CertificationRequired"] = "false",
            ["Input.InsuranceRequired"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Equal(24_000, (await officer.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}")).FeeYen);
        var details = await page.Http.GetStringAsync($"/Tasks/{task.Id}");
        Assert.Contains("変更の記録", details);
        Assert.Contains("¥20,000 → ¥24,000", details);
    }

    [Fact]
    public async Task AnotherAssociationCannotOpenTheEditPage()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var other = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);

        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync($"/Tasks/{task.Id}/Edit")).StatusCode);
    }
}
