using System.Net;
using Matchboard.Domain.Visits;
using Matchboard.Web.Features.Visits;
using Matchboard.Web.Tests.Infrastructure;
using static Matchboard.Web.Tests.Infrastructure.WorkSetup;

namespace Matchboard.Web.Tests;

/// <summary>The phone report form works as plain HTML: it renders today's visit first and files a report without JavaScript.</summary>
public sealed class VisitReportPageTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task TheReportFormShowsTodaysVisitAndFilesAReportWithoutJavaScript()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var provider = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var work = await ActiveWatchOverAsync(factory, officer, provider);
        var page = await PageClient.CreateAsync(factory, DemoAccounts.MimamoriStaff);
        var url = $"/Contracts/{work.ContractId}/Report";
        var visit = work.Schedule.Visits[0];

        var html = await page.Http.GetStringAsync(url);
        Assert.Contains("訪問記録を書く", html);
        Assert.Contains("今日 · A-03 木月三丁目", html);
        Assert.Contains($"id=\"visit-{visit.Id}\" name=\"Input.PlannedVisitId\" value=\"{visit.Id}\" checked", html);

        var response = await page.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.PlannedVisitId"] = visit.Id.ToString(),
            ["Input.Status"] = "Concern",
            ["Input.Health"] = "Fine",
            ["Input.Meals"] = "Concern",
            ["Input.Sleep"] = "Fine",
            ["Input.GoingOut"] = "NotAsked",
            ["Input.DailyLife"] = "Fine",
            ["Input.Worries"] = "Fine",
            ["Input.VisitorName"] = "訪問員 山田",
            ["Input.Note"] = "食事の量が減っているとのこと",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var report = Assert.Single((await officer.GetAsync<ScheduleDto>($"/api/contracts/{work.ContractId}/visits")).Visits[0].Reports);
        Assert.Equal(ResidentStatus.Concern, report.Status);
        Assert.Equal(ChecklistAnswer.Concern, report.Checklist!.Meals);
        Assert.Equal("食事の量が減っているとのこと", report.Note);
    }

    [Fact]
    public async Task AReportWithoutAStatusShowsTheErrorOnThePageAndFilesNothing()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var provider = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var work = await ActiveWatchOverAsync(factory, officer, provider);
        var page = await PageClient.CreateAsync(factory, DemoAccounts.MimamoriStaff);
        var before = await CountAsync(factory);

        var response = await page.PostFormAsync($"/Contracts/{work.ContractId}/Report", new Dictionary<string, string>
        {
            ["Input.PlannedVisitId"] = work.Schedule.Visits[0].Id.ToString(),
            ["Input.VisitorName"] = "訪問員 山田",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("入力してください", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountAsync(factory));
    }
}
