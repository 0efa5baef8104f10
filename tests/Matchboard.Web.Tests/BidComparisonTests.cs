using System.Text.RegularExpressions;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>The officer compares bids on a phone, once they open at the deadline: a compact table first, honest badges, the cancel button last.</summary>
public sealed class BidComparisonTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task ACompactTableByAmountComesBeforeTheFullProposals()
    {
        var (taskId, html) = await OfficerViewWithTwoBidsAsync();

        var table = html.IndexOf("id=\"bid-compare\"", StringComparison.Ordinal);
        var firstCard = html.IndexOf("class=\"card bid\"", StringComparison.Ordinal);
        Assert.True(table > 0 && table < firstCard, $"table at {table}, first card at {firstCard} on task {taskId}");
        var rows = Regex.Matches(html[table..firstCard], "<tr data-bid-id=\"\\d+\">\\s*<th scope=\"row\"><a [^>]*>([^<]+)</a>");
        Assert.Equal(["一般社団法人 たまがわクリーンサポート", "NPO法人 なかはら見守りネット"], rows.Select(m => m.Groups[1].Value.Trim()));
        Assert.Contains("data-value=\"9000\"", html);
        Assert.Contains("js/compare-table.js", html);
    }

    [Fact]
    public async Task NoCertificationDoesNotWearTheCertifiedBadge()
    {
        var (_, html) = await OfficerViewWithTwoBidsAsync();

        Assert.Matches("<span class=\"badge neutral\" data-certification-state=\"None\">市の認証なし</span>", html);
        Assert.Matches("<span class=\"badge\" data-certification-state=\"Valid\">市の認証あり", html);
        Assert.DoesNotMatch("<span class=\"badge\"[^>]*>市の認証なし", html);
    }

    [Fact]
    public async Task TheCancelButtonComesAfterTheBidsInItsOwnSection()
    {
        var (_, html) = await OfficerViewWithTwoBidsAsync();

        var bids = html.IndexOf("id=\"bids-heading\"", StringComparison.Ordinal);
        var cancel = html.IndexOf("id=\"cancel-task\"", StringComparison.Ordinal);
        Assert.True(bids > 0 && cancel > bids, $"bids at {bids}, cancel at {cancel}");
        Assert.Contains("id=\"cancel-section\"", html);
    }

    private async Task<(int TaskId, string Html)> OfficerViewWithTwoBidsAsync()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        await (await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff)).BidAsync(task.Id, 12_000);
        await (await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff)).BidAsync(task.Id, 9_000);
        // The comparison exists once the bids open to the association, at the deadline.
        factory.Clock.Advance(TimeSpan.FromDays(4));
        var page = await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer);
        return (task.Id, await page.Http.GetStringAsync($"/Tasks/{task.Id}"));
    }
}
