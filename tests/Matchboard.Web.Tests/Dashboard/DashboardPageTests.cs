using System.Net;
using System.Text;
using Matchboard.Web.Features.Dashboard;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests.Dashboard;

/// <summary>The dashboard over HTTP: city staff only; the page pairs each chart with its table; each table downloads as CSV.</summary>
public sealed class DashboardPageTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task OnlyCityStaffReachTheDashboardPageCsvAndApi()
    {
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/city/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/City/Dashboard")).StatusCode);

        foreach (var email in new[] { DemoAccounts.KizukiOfficer, DemoAccounts.MimamoriStaff, DemoAccounts.KosugiSupporter })
        {
            var api = await ApiClient.SignInAsync(factory, email);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.Http.GetAsync("/api/city/dashboard")).StatusCode);
            var pages = await PageClient.CreateAsync(factory, email);
            Assert.NotEqual(HttpStatusCode.OK, (await pages.Http.GetAsync("/City/Dashboard")).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await pages.Http.GetAsync("/City/Dashboard?handler=Csv&table=wards")).StatusCode);
        }

        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var figures = await city.GetAsync<DashboardFigures>("/api/city/dashboard");
        Assert.True(figures.Totals.Posted > 0);
        Assert.Equal(12, figures.Trend.Count);
        Assert.Equal(0, figures.OpenComplaints);
    }

    [Fact]
    public async Task ThePageShowsEveryTableWithItsChartAndCsvLinkInJapaneseAndEnglish()
    {
        var ja = await PageClient.CreateAsync(factory, DemoAccounts.CityStaff);
        var html = await ja.Http.GetStringAsync("/City/Dashboard");
        Assert.Contains("状況の一覧", html);
        Assert.Contains("担い手がいない地域と分野", html);
        foreach (var id in DashboardTables.Ids)
        {
            Assert.Contains($"id=\"{id}-heading\"", html);
            Assert.Contains($"href=\"/City/Dashboard?handler=Csv&amp;table={id}\"", html);
        }

        Assert.Contains("<svg class=\"chart\"", html);
        Assert.Contains("aria-hidden=\"true\"", html);
        Assert.Contains("<a href=\"/City/Dashboard\">", await ja.Http.GetStringAsync("/City"));

        var en = await PageClient.CreateAsync(factory, DemoAccounts.CityStaff, "en");
        var english = await en.Http.GetStringAsync("/City/Dashboard");
        Assert.Contains("Coverage gaps", english);
        Assert.Contains("Tasks by ward", english);
    }

    [Fact]
    public async Task EachTableDownloadsAsCsvWithTheFiguresOfTheApi()
    {
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var figures = await city.GetAsync<DashboardFigures>("/api/city/dashboard");
        var pages = await PageClient.CreateAsync(factory, DemoAccounts.CityStaff);

        var response = await pages.Http.GetAsync("/City/Dashboard?handler=Csv&table=wards");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("matchboard-dashboard-wards.csv", response.Content.Headers.ContentDisposition?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("区,公開した依頼,受付中・決定待ち,依頼先の決定,決まらなかった依頼,取りやめた依頼", lines[0]);
        Assert.Equal(figures.ByWard.Count + 1, lines.Length);
        var nakahara = figures.ByWard.Single(r => r.Key == "nakahara");
        Assert.Contains($"中原区,{nakahara.Posted},{nakahara.InProgress},{nakahara.Awarded},{nakahara.Unawarded},{nakahara.Cancelled}", lines);

        var trend = Encoding.UTF8.GetString(await pages.Http.GetByteArrayAsync("/City/Dashboard?handler=Csv&table=trend"));
        Assert.Contains($"{figures.Trend[^1].Month},{figures.Trend[^1].Posted},", trend);

        Assert.Equal(HttpStatusCode.NotFound, (await pages.Http.GetAsync("/City/Dashboard?handler=Csv&table=nothing")).StatusCode);
    }
}
