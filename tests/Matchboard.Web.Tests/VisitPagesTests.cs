using System.Net;
using Matchboard.Domain.Visits;
using Matchboard.Web.Features.Alerts;
using Matchboard.Web.Features.Visits;
using Matchboard.Web.Tests.Infrastructure;
using static Matchboard.Web.Tests.Infrastructure.WorkSetup;

namespace Matchboard.Web.Tests;

/// <summary>The contract's work section, the week's round, the alert pages and the home page over HTTP, without JavaScript.</summary>
public sealed class VisitPagesTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task TheContractPageShowsTheWorkToBothPartiesAndNotToCityStaffOrAnotherAssociation()
    {
        var work = await ActiveAsync();
        var url = $"/Contracts/{work.ContractId}";

        var asOfficer = await (await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer)).Http.GetStringAsync(url);
        var asProvider = await (await PageClient.CreateAsync(factory, DemoAccounts.MimamoriStaff)).Http.GetStringAsync(url);
        var city = await (await PageClient.CreateAsync(factory, DemoAccounts.CityStaff)).Http.GetAsync(url);
        var other = await (await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer)).Http.GetAsync(url);

        foreach (var html in new[] { asOfficer, asProvider })
        {
            Assert.Contains("<dd id=\"contract-visit-pattern\">毎週 火曜日</dd>", html);
            Assert.Contains("id=\"contract-work-live\"", html);
            Assert.Contains("A-03 木月三丁目", html);
            Assert.Contains($"/Contracts/{work.ContractId}/Round?week=", html);
        }

        Assert.Contains($"id=\"work-report-link\" href=\"/Contracts/{work.ContractId}/Report\"", asProvider);
        Assert.DoesNotContain("work-report-link", asOfficer);
        Assert.Contains("id=\"household-register\"", asOfficer);
        Assert.DoesNotContain("id=\"household-register\"", asProvider);
        Assert.Equal(HttpStatusCode.OK, city.StatusCode);
        var cityHtml = await city.Content.ReadAsStringAsync();
        Assert.Contains("毎週 火曜日", cityHtml);
        Assert.DoesNotContain("contract-work-live", cityHtml);
        Assert.DoesNotContain("A-03 木月三丁目", cityHtml);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.DoesNotContain("A-03 木月三丁目", await other.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheOfficerRegistersAHouseholdAndRecordsItsConsentThroughTheWorkForms()
    {
        var work = await ActiveAsync();
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);
        var before = await CountAsync(factory);

        var empty = await officer.PostFormAsync($"/Contracts/{work.ContractId}/Work?handler=Household", new() { ["Label"] = "" });

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("id=\"Label-error\">入力してください。", await empty.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountAsync(factory));

        var registered = await officer.PostFormAsync($"/Contracts/{work.ContractId}/Work?handler=Household", new() { ["Label"] = "B-07 木月四丁目" });

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal($"/Contracts/{work.ContractId}#contract-work", registered.Headers.Location!.OriginalString);
        var household = Assert.Single((await Schedule(work)).Households, h => h.Label == "B-07 木月四丁目");
        Assert.Null(household.ConsentDate);
        var page = await officer.Http.GetStringAsync($"/Contracts/{work.ContractId}");
        Assert.Contains("見守り先を登録しました。", page);
        Assert.Contains($"id=\"consent-{household.Id}\"", page);

        var today = Domain.JapanTime.DateOf(factory.Clock.GetUtcNow());
        var consent = await officer.PostFormAsync($"/Contracts/{work.ContractId}/Work?handler=Consent", new()
        {
            ["householdId"] = household.Id.ToString(),
            ["ConsentDate"] = today.ToString("yyyy-MM-dd"),
            ["ConsentMethod"] = "InPerson",
        });

        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        var schedule = await Schedule(work);
        var consented = schedule.Households.Single(h => h.Id == household.Id);
        Assert.Equal(today, consented.ConsentDate);
        Assert.Equal(ConsentMethod.InPerson, consented.ConsentMethod);
        Assert.Contains(schedule.Visits, v => v.HouseholdId == household.Id);
    }

    [Fact]
    public async Task TheAlertPageShowsAnUrgentAlertAndRecordsOneAcknowledgementWithItsNote()
    {
        var work = await ActiveAsync();
        var alert = await UrgentAlertAsync(work);
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);
        var url = $"/Alerts/{alert.Id}";

        var html = await officer.Http.GetStringAsync(url);
        Assert.Contains("<strong>緊急</strong>", html);
        Assert.Contains("<dd id=\"alert-household\">A-03 木月三丁目</dd>", html);
        Assert.Contains("呼びかけに応答が弱い", html);
        Assert.Contains("id=\"alert-acknowledge\"", html);
        Assert.Contains("data-live-region=\"alert\"", html);
        Assert.Matches("id=\"open-alert-count\">[1-9]", html);
        Assert.Contains($"id=\"alert-link-{alert.Id}\"", await officer.Http.GetStringAsync("/Alerts"));

        var withoutNote = await officer.PostFormAsync($"{url}?handler=Acknowledge", new() { ["Note"] = "" });
        Assert.Equal(HttpStatusCode.OK, withoutNote.StatusCode);
        Assert.Contains("id=\"Note-error\">入力してください。", await withoutNote.Content.ReadAsStringAsync());
        Assert.Null((await work.Officer.GetAsync<AlertDto>($"/api/alerts/{alert.Id}")).AcknowledgedAt);

        var acknowledged = await officer.PostFormAsync($"{url}?handler=Acknowledge", new() { ["Note"] = "ご家族に電話し、かかりつけ医に連絡しました。" });

        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);
        Assert.Equal(url, acknowledged.Headers.Location!.OriginalString);
        var after = await officer.Http.GetStringAsync(url);
        Assert.Contains("「確認しました」を記録しました。", after);
        Assert.Contains("ご家族に電話し、かかりつけ医に連絡しました。", after);
        Assert.Contains("木月三丁目町内会", after);
        Assert.DoesNotContain("id=\"alert-acknowledge\"", after);
        var recorded = await work.Officer.GetAsync<AlertDto>($"/api/alerts/{alert.Id}");
        Assert.Equal("ご家族に電話し、かかりつけ医に連絡しました。", recorded.AcknowledgementNote);

        var before = await CountAsync(factory);
        var second = await officer.PostFormAsync($"{url}?handler=Acknowledge", new() { ["Note"] = "もう一度" });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("この連絡は、すでに確認されています。", await second.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountAsync(factory));
        Assert.Equal("ご家族に電話し、かかりつけ医に連絡しました。", (await work.Officer.GetAsync<AlertDto>($"/api/alerts/{alert.Id}")).AcknowledgementNote);
    }

    [Fact]
    public async Task AnOutsiderGetsNeitherTheAlertNorTheRoundNorTheWorkFormsAndChangesNothing()
    {
        var work = await ActiveAsync();
        var alert = await UrgentAlertAsync(work);
        var other = await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var city = await PageClient.CreateAsync(factory, DemoAccounts.CityStaff);
        var before = await CountAsync(factory);

        foreach (var (client, url) in new[]
                 {
                     (other, $"/Alerts/{alert.Id}"), (other, $"/Contracts/{work.ContractId}/Round"), (other, $"/Contracts/{work.ContractId}/Work"),
                     (city, $"/Alerts/{alert.Id}"), (city, $"/Contracts/{work.ContractId}/Round"),
                 })
        {
            var response = await client.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("A-03 木月三丁目", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync("/Alerts/999999")).StatusCode);
        var acknowledge = await other.PostFormWithTokenOfAsync("/Alerts", $"/Alerts/{alert.Id}?handler=Acknowledge", new() { ["Note"] = "他の町内会から" });
        var register = await other.PostFormWithTokenOfAsync("/Alerts", $"/Contracts/{work.ContractId}/Work?handler=Household", new() { ["Label"] = "Z-99" });

        Assert.Equal(HttpStatusCode.Forbidden, acknowledge.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
        Assert.Equal(before, await CountAsync(factory));
    }

    [Fact]
    public async Task TheWeeksRoundListsEachDaysVisitsWithAnEmptyCheckColumn()
    {
        var work = await ActiveAsync();
        var provider = await PageClient.CreateAsync(factory, DemoAccounts.MimamoriStaff);
        var first = work.Schedule.Visits[0];

        var html = await provider.Http.GetStringAsync($"/Contracts/{work.ContractId}/Round?week={first.Date:yyyy-MM-dd}");

        Assert.Contains("class=\"round-table\"", html);
        Assert.Contains($"<tr data-visit-id=\"{first.Id}\">", html);
        Assert.Contains("<td>A-03 木月三丁目</td>", html);
        Assert.Contains("<td class=\"round-check\"></td>", html);
        Assert.DoesNotContain($"data-visit-id=\"{work.Schedule.Visits[1].Id}\"", html);
    }

    [Fact]
    public async Task TheHomePageShowsTheOfficerTheOpenAlertFirst()
    {
        var work = await ActiveAsync();
        var alert = await UrgentAlertAsync(work);
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);

        var html = await officer.Http.GetStringAsync("/");

        var alerts = html.IndexOf("id=\"home-alerts\"", StringComparison.Ordinal);
        Assert.True(alerts > 0, "the home page has the open alerts");
        Assert.True(alerts < html.IndexOf("class=\"lead\"", StringComparison.Ordinal), "the open alerts come before the introduction");
        Assert.Contains($"href=\"/Alerts/{alert.Id}\"", html[alerts..]);
        Assert.DoesNotContain("id=\"home-alerts\"", await (await PageClient.CreateAsync(factory, DemoAccounts.CityStaff)).Http.GetStringAsync("/"));
    }

    private async Task<Work> ActiveAsync()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var provider = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        return await ActiveWatchOverAsync(factory, officer, provider);
    }

    private Task<ScheduleDto> Schedule(Work work) => work.Officer.GetAsync<ScheduleDto>($"/api/contracts/{work.ContractId}/visits");

    private async Task<AlertDto> UrgentAlertAsync(Work work)
    {
        await PostOkAsync<VisitReportDto>(work.Provider, $"/api/contracts/{work.ContractId}/visits",
            Report(work.Schedule.Visits[0].Id, factory.Clock.GetUtcNow(), "Urgent", "呼びかけに応答が弱い"));
        return Assert.Single(await work.Officer.GetAsync<List<AlertDto>>("/api/alerts"), a => a.ContractId == work.ContractId);
    }
}
