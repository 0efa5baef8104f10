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
    public async Task APublishedTasksChangeIsPreviewedBeforeAfterWithTheBiddersAskedToConfirmAndSavedOnlyFromThePreview()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var request = Requests.CleanupTask(factory.Clock.GetUtcNow());
        // Posted through the API with seconds, which the form (to the minute) does not show.
        request["bidDeadline"] = factory.Clock.GetUtcNow().AddDays(5).AddSeconds(37 - factory.Clock.GetUtcNow().Second);
        var task = await officer.PostTaskAsync(request);
        await (await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff)).BidAsync(task.Id, 10_000);
        var page = await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var form = await page.Http.GetStringAsync($"/Tasks/{task.Id}/Edit");
        Assert.Contains("id=\"task-edit-preview\"", form);
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var preview = await page.PostFormAsync($"/Tasks/{task.Id}/Edit?handler=Preview", Form(task, feeYen: "26000"));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("id=\"edit-preview\"", html);
        Assert.Contains("¥20,000 → ¥26,000", html);
        Assert.Contains("提案している1団体に、提案の確認をお願いします", html);
        Assert.Contains("name=\"Input.FeeYen\" value=\"26000\"", html);
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));

        var save = await page.PostFormAsync($"/Tasks/{task.Id}/Edit", Form(task, feeYen: "26000"));

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var saved = await officer.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}");
        Assert.Equal((26_000L, task.BidDeadline), (saved.FeeYen, saved.BidDeadline));
    }

    [Fact]
    public async Task APreviewOfAChangeOutsideTheTermsSaysTheBiddersAreToldButNotAskedAndARefusedOneShowsTheFormAgain()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        await (await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff)).BidAsync(task.Id, 10_000);
        var page = await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer);

        var titleOnly = await (await page.PostFormAsync($"/Tasks/{task.Id}/Edit?handler=Preview", Form(task, title: "駅前の歩道の清掃（朝）"))).Content.ReadAsStringAsync();
        var refused = await (await page.PostFormAsync($"/Tasks/{task.Id}/Edit?handler=Preview", Form(task, feeYen: "-1"))).Content.ReadAsStringAsync();

        Assert.Contains("id=\"edit-preview-told\"", titleOnly);
        Assert.DoesNotContain("id=\"edit-preview-confirm\"", titleOnly);
        Assert.DoesNotContain("id=\"edit-preview\"", refused);
        Assert.Contains("id=\"error-summary\"", refused);
        Assert.Contains("id=\"task-edit-preview\"", refused);
        Assert.Equal(20_000, (await officer.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}")).FeeYen);
    }

    private static Dictionary<string, string> Form(TaskDetailDto task, string? title = null, string feeYen = "20000")
    {
        // As the page shows it: to the minute, while the API-posted deadline has seconds (the page keeps them).
        var deadline = task.BidDeadline.ToOffset(TimeSpan.FromHours(9));
        return new()
        {
            ["Input.Title"] = title ?? task.Title,
            ["Input.Description"] = task.Description,
            ["Input.Category"] = task.Category,
            ["Input.Ward"] = task.Ward,
            ["Input.Town"] = task.Town,
            ["Input.StartDate"] = $"{task.StartDate:yyyy-MM-dd}",
            ["Input.EndDate"] = $"{task.EndDate:yyyy-MM-dd}",
            ["Input.VisitWeekdays"] = "Tuesday",
            ["Input.VisitsPlanned"] = task.VisitsPlanned.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.HouseholdsServed"] = task.HouseholdsServed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Pay"] = task.IsVolunteer ? "volunteer" : "fee",
            ["Input.FeeYen"] = feeYen,
            ["Input.DeadlineDate"] = $"{deadline:yyyy-MM-dd}",
            ["Input.DeadlineTime"] = $"{deadline:HH:mm}",
            ["Input.CertificationRequired"] = task.CertificationRequired ? "true" : "false",
            ["Input.InsuranceRequired"] = task.InsuranceRequired ? "true" : "false",
        };
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
