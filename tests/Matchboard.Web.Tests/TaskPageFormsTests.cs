using System.Net;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>No form on the task page wipes another: a refused question leaves the group's bid form filled.</summary>
public sealed class TaskPageFormsTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task ARefusedQuestionLeavesTheBidFormFilledWithTheSavedBid()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        await (await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff)).BidAsync(task.Id, 18_765, "落ち葉の多い週は回数を増やします。");
        var group = await PageClient.CreateAsync(factory, DemoAccounts.TamagawaStaff);

        var response = await group.PostFormAsync($"/Tasks/{task.Id}?handler=Ask", new() { ["Ask.Text"] = " " });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Ask_Text-error\"", html);
        Assert.Contains("error-summary", html);
        Assert.Matches("id=\"Bid_AmountYen\"[^>]*value=\"18765\"|value=\"18765\"[^>]*id=\"Bid_AmountYen\"", html);
        Assert.Matches("id=\"Bid_Proposal\"[^>]*>\\s*落ち葉の多い週は回数を増やします。</textarea>", html);
        Assert.Contains("js/keep-drafts.js", html);
    }
}
