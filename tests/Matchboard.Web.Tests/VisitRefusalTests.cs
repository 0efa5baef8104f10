using System.Net;
using System.Net.Http.Json;
using Matchboard.Web.Features.Alerts;
using Matchboard.Web.Features.Visits;
using Matchboard.Web.Tests.Infrastructure;
using static Matchboard.Web.Tests.Infrastructure.WorkSetup;

namespace Matchboard.Web.Tests;

/// <summary>Bad reports and outsiders get a localized problem, and nothing is written.</summary>
public sealed class VisitRefusalTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task BadReportsAreRefusedWithALocalizedProblemAndWriteNothing()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var provider = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var other = await ActiveWatchOverAsync(factory, officer, provider, "Z-01 ほかの契約");
        var work = await ActiveWatchOverAsync(factory, officer, provider);
        var url = $"/api/contracts/{work.ContractId}/visits";
        var now = factory.Clock.GetUtcNow();
        var visitId = work.Schedule.Visits[0].Id;
        var before = await CountAsync(factory);

        var cases = new (object Body, string Field)[]
        {
            (Report(other.Schedule.Visits[0].Id, now), "plannedVisitId"),
            (new { householdId = other.HouseholdId, visitedAt = now, visitorName = "山田", status = "Ok" }, "householdId"),
            (Report(visitId, now.AddHours(1)), "visitedAt"),
            (Report(visitId, now, "Ok", new string('あ', 100_000)), "note"),
        };
        foreach (var (body, field) in cases)
        {
            foreach (var language in new[] { "ja", "en" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
                request.Headers.AcceptLanguage.ParseAdd(language);
                var problem = await ProblemAssert.HasCodeAsync(await provider.Http.SendAsync(request), HttpStatusCode.BadRequest, "validation");
                Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{field}: {problem}");
                Assert.Equal(language == "ja", messages[0].GetString()!.Any(c => c > 0x3000));
            }
        }

        var unknownWord = await provider.Http.PostAsJsonAsync(url, new { plannedVisitId = visitId, visitedAt = now, visitorName = "山田", status = "Asleep" });
        await ProblemAssert.IsProblemAsync(unknownWord, HttpStatusCode.BadRequest);

        // An enum is read by name only: a number, even one of a defined value, is no word the API knows.
        foreach (var number in new[] { 9, 1 })
        {
            var numbered = await provider.Http.PostAsJsonAsync(url, new { plannedVisitId = visitId, visitedAt = now, visitorName = "山田", status = number });
            await ProblemAssert.HasCodeAsync(numbered, HttpStatusCode.BadRequest, "bad-request");
        }

        Assert.Equal(before, await CountAsync(factory));
    }

    [Fact]
    public async Task OutsidersAreRefusedAndWriteNothing()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var provider = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var otherAssociation = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var otherGroup = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var work = await ActiveWatchOverAsync(factory, officer, provider);
        var url = $"/api/contracts/{work.ContractId}/visits";
        var visitId = work.Schedule.Visits[0].Id;
        await PostOkAsync<VisitReportDto>(provider, url, Report(visitId, factory.Clock.GetUtcNow(), "Concern", "咳が続いている"));
        var alert = Assert.Single(await officer.GetAsync<List<AlertDto>>("/api/alerts"), a => a.ContractId == work.ContractId);
        var before = await CountAsync(factory);

        foreach (var outsider in new[] { otherAssociation, otherGroup, city })
        {
            await ProblemAssert.IsProblemAsync(await outsider.Http.GetAsync(url), HttpStatusCode.Forbidden);
            await ProblemAssert.IsProblemAsync(await outsider.Http.PostAsJsonAsync(url, Report(visitId, factory.Clock.GetUtcNow())), HttpStatusCode.Forbidden);
            await ProblemAssert.IsProblemAsync(
                await outsider.Http.PostAsJsonAsync($"/api/contracts/{work.ContractId}/households", new { label = "X-99" }), HttpStatusCode.Forbidden);
            await ProblemAssert.IsProblemAsync(
                await outsider.Http.PostAsJsonAsync($"/api/contracts/{work.ContractId}/visits/{visitId}/move", new { date = work.Schedule.Visits[1].Date }),
                HttpStatusCode.Forbidden);
            await ProblemAssert.IsProblemAsync(await outsider.Http.GetAsync($"/api/alerts/{alert.Id}"), HttpStatusCode.Forbidden);
            await ProblemAssert.IsProblemAsync(
                await outsider.Http.PostAsJsonAsync($"/api/alerts/{alert.Id}/acknowledge", new { note = "確認" }), HttpStatusCode.Forbidden);
            Assert.DoesNotContain(await outsider.GetAsync<List<AlertDto>>("/api/alerts"), a => a.Id == alert.Id);
        }

        // The provider is a party but does not answer alerts, nor register households.
        await ProblemAssert.HasCodeAsync(
            await provider.Http.PostAsJsonAsync($"/api/alerts/{alert.Id}/acknowledge", new { note = "確認" }),
            HttpStatusCode.UnprocessableEntity,
            "alert.association-only");
        await ProblemAssert.HasCodeAsync(
            await officer.Http.PostAsJsonAsync(url, Report(visitId, factory.Clock.GetUtcNow())),
            HttpStatusCode.UnprocessableEntity,
            "visit-report.provider-only");
        Assert.Equal(before, await CountAsync(factory));
    }
}
