using System.Net;
using System.Text.RegularExpressions;
using Matchboard.Domain.Visits;
using Matchboard.Web.Tests.Infrastructure;
using static Matchboard.Web.Tests.Infrastructure.WorkSetup;

namespace Matchboard.Web.Tests;

/// <summary>
/// The error summary on the task, contract and visit pages lists a refused form's errors in the order the form
/// asks for its fields, not in the order the rules ran, and is the element that takes focus.
/// </summary>
public sealed partial class ErrorSummaryOrderTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task ABidWithSeveralErrorsListsThemInTheBidFormsOrder()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var group = await PageClient.CreateAsync(factory, DemoAccounts.TamagawaStaff);
        var yesterday = Domain.JapanTime.DateOf(factory.Clock.GetUtcNow()).AddDays(-1);

        var response = await group.PostFormAsync($"/Tasks/{task.Id}?handler=Preview", new()
        {
            ["Bid.AmountYen"] = "",
            ["Bid.Proposal"] = new string('あ', 2001),
            ["Bid.StaffPlanned"] = "",
            ["Bid.EarliestStart"] = yesterday.ToString("yyyy-MM-dd"),
        });

        var html = await OkAsync(response);
        Assert.Equal(["#Bid_AmountYen", "#Bid_Proposal", "#Bid_StaffPlanned", "#Bid_EarliestStart"], SummaryLinks(html));
        AssertSummaryTakesFocus(html);
    }

    [Fact]
    public async Task ContractTermsWithSeveralErrorsListThemInTheTermsFormsOrder()
    {
        var steps = await ContractSteps.AwardedAsync(factory);
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);

        var response = await officer.PostFormAsync($"/Contracts/{steps.ContractId}?handler=Terms", new()
        {
            ["Terms.PaymentNote"] = new string('あ', 2001),
            ["Terms.Insurance"] = "",
        });

        var html = await OkAsync(response);
        Assert.Equal(["#Terms_PaymentTiming", "#Terms_PaymentNote", "#Terms_Insurance"], SummaryLinks(html));
        AssertSummaryTakesFocus(html);
    }

    [Fact]
    public async Task AVisitReportWithSeveralErrorsListsThemInTheReportFormsOrder()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var provider = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var work = await ActiveWatchOverAsync(factory, officer, provider);
        var page = await PageClient.CreateAsync(factory, DemoAccounts.MimamoriStaff);

        var response = await page.PostFormAsync($"/Contracts/{work.ContractId}/Report", new Dictionary<string, string>
        {
            ["Input.PlannedVisitId"] = work.Schedule.Visits[0].Id.ToString(),
            ["Input.VisitorName"] = new string('あ', VisitReport.VisitorMaxLength + 1),
            ["Input.Note"] = new string('あ', VisitReport.NoteMaxLength + 1),
        });

        var html = await OkAsync(response);
        Assert.Equal(["#Input_Status", "#Input_VisitorName", "#Input_Note"], SummaryLinks(html));
        AssertSummaryTakesFocus(html);
    }

    private static async Task<string> OkAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static void AssertSummaryTakesFocus(string html)
    {
        Assert.Matches("id=\"error-summary\"[^>]*tabindex=\"-1\"|tabindex=\"-1\"[^>]*id=\"error-summary\"", html);
        Assert.Contains("src=\"/js/error-summary.js", html);
    }

    private static List<string> SummaryLinks(string html)
    {
        var summary = SummaryPattern().Match(html).Groups[1].Value;
        return [.. Regex.Matches(summary, "<a href=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("id=\"error-summary\"(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex SummaryPattern();
}
