using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Matchboard.Domain;
using Matchboard.Domain.Contracts;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Bids;
using Matchboard.Web.Features.Organizations;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// Insurance over HTTP: a group declares it; a task requiring insurance refuses a bid without a declaration covering
/// its start date (the refusal changes nothing) and takes it once the cover reaches that day. Capacity: a group at
/// capacity is warned when it bids, not refused, and the association's opened comparison shows it.
/// Each test has a host of its own: they change the seed's declarations and capacities.
/// </summary>
public sealed class InsuranceAndCapacityTests
{
    private const string InsuranceUrl = "/api/organizations/me/insurance";

    private static async Task<InsuranceDto> DeclareAsync(ApiClient group, DateOnly validUntil)
    {
        var response = await group.PutJsonAsync(InsuranceUrl, new { insurer = "あいおいニッセイ同和損保", policyNumber = "VA-1", validUntil });
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<InsuranceDto>(ApiClient.Json))!;
    }

    private static async Task<int> BidRowsAsync(MatchboardFactory factory, int taskId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MatchboardDbContext>().Bids.CountAsync(b => b.TaskId == taskId);
    }

    [Fact]
    public async Task AGroupDeclaresItsInsuranceAndReadsItBack()
    {
        await using var factory = new MatchboardFactory();
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var until = JapanTime.DateOf(factory.Clock.GetUtcNow()).AddDays(200);

        var declared = await DeclareAsync(group, until);

        var read = await group.GetAsync<InsuranceDto>(InsuranceUrl);
        Assert.Equal((true, "あいおいニッセイ同和損保", "VA-1", until, true), (read.Declared, read.Insurer, read.PolicyNumber, read.ValidUntil, read.CoversToday));
        Assert.Equal(declared, read);

        // In the audit log, as the group's own statement: insurer and last day (the policy number stays on the profile).
        using var scope = factory.Services.CreateScope();
        var entry = await scope.ServiceProvider.GetRequiredService<MatchboardDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Action == "insurance.declared" && e.OrganizationId == group.OrganizationId)
            .OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal($"{group.OrganizationId}", entry.EntityId);
        Assert.Contains("あいおいニッセイ同和損保", entry.Summary);
        Assert.Contains(until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), entry.Summary);
        Assert.DoesNotContain("VA-1", entry.Summary);
    }

    [Fact]
    public async Task ADeclarationWithoutAnInsurerOrEndingInThePastIsRefusedAndChangesNothing()
    {
        await using var factory = new MatchboardFactory();
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var before = await group.GetAsync<InsuranceDto>(InsuranceUrl);
        var yesterday = JapanTime.DateOf(factory.Clock.GetUtcNow()).AddDays(-1);

        var noInsurer = await group.PutJsonAsync(InsuranceUrl, new { insurer = " ", validUntil = yesterday.AddDays(30) });
        var past = await group.PutJsonAsync(InsuranceUrl, new { insurer = "損保ジャパン", validUntil = yesterday });

        await ProblemAssert.IsProblemAsync(noInsurer, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(past, HttpStatusCode.BadRequest);
        Assert.Equal(before, await group.GetAsync<InsuranceDto>(InsuranceUrl));
    }

    [Fact]
    public async Task TheProfilePageDeclaresInsuranceAndShowsAWrongDayBesideItsField()
    {
        await using var factory = new MatchboardFactory();
        var page = await PageClient.CreateAsync(factory, DemoAccounts.TamagawaStaff);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var today = JapanTime.DateOf(factory.Clock.GetUtcNow());
        var before = await group.GetAsync<InsuranceDto>(InsuranceUrl);

        var refused = await page.PostFormWithTokenOfAsync("/Organizations/Profile", "/Organizations/Profile?handler=Insurance", new()
        {
            ["Insurance.Insurer"] = "東京海上日動",
            ["Insurance.ValidUntil"] = $"{today.AddDays(-1):yyyy-MM-dd}",
        });
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Matches("id=\"valid-until-error\">過ぎた日は選べません", html);
        Assert.Equal(before, await group.GetAsync<InsuranceDto>(InsuranceUrl));

        await page.PostFormWithTokenOfAsync("/Organizations/Profile", "/Organizations/Profile?handler=Insurance", new()
        {
            ["Insurance.Insurer"] = "東京海上日動",
            ["Insurance.ValidUntil"] = $"{today.AddDays(90):yyyy-MM-dd}",
        });
        var after = await group.GetAsync<InsuranceDto>(InsuranceUrl);
        Assert.Equal(("東京海上日動", (string?)null, today.AddDays(90)), (after.Insurer, after.PolicyNumber, after.ValidUntil));
        Assert.Contains("届け出済み：東京海上日動", await page.Http.GetStringAsync("/Organizations/Profile"));
    }

    [Fact]
    public async Task AnAssociationHasNoInsuranceToDeclare()
    {
        await using var factory = new MatchboardFactory();
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);

        var response = await officer.PutJsonAsync(InsuranceUrl, new { insurer = "損保ジャパン", validUntil = JapanTime.DateOf(factory.Clock.GetUtcNow()).AddDays(30) });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ATaskRequiringInsuranceRefusesABidUntilTheCoverReachesItsStartDate()
    {
        await using var factory = new MatchboardFactory();
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        Assert.True(task.InsuranceRequired);

        // Cover ending the day before the start date: refused, in preview and in sending, and nothing is stored.
        await DeclareAsync(group, task.StartDate.AddDays(-1));
        var preview = await group.PostJsonAsync($"/api/tasks/{task.Id}/bids/preview", Requests.Bid(9_000));
        var refused = await group.PostJsonAsync($"/api/tasks/{task.Id}/bids", Requests.Bid(9_000));
        await ProblemAssert.HasCodeAsync(preview, HttpStatusCode.UnprocessableEntity, "bid.insurance-required");
        await ProblemAssert.HasCodeAsync(refused, HttpStatusCode.UnprocessableEntity, "bid.insurance-required");
        Assert.Equal(0, await BidRowsAsync(factory, task.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await group.Http.GetAsync($"/api/tasks/{task.Id}/bids/mine")).StatusCode);

        // The page says why, instead of offering the form.
        var page = await PageClient.CreateAsync(factory, DemoAccounts.TamagawaStaff);
        Assert.Contains("開始日に有効な保険の届け出が必要です", await page.Http.GetStringAsync($"/Tasks/{task.Id}"));

        // Cover ending on the start date itself: the bid goes in.
        await DeclareAsync(group, task.StartDate);
        var bid = await group.BidAsync(task.Id, 9_000);
        Assert.Equal(task.Id, bid.TaskId);
        Assert.Equal(1, await BidRowsAsync(factory, task.Id));
    }

    [Fact]
    public async Task AGroupAtCapacityIsWarnedWhenItBidsButNotRefusedAndTheComparisonShowsIt()
    {
        await using var factory = new MatchboardFactory();
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var other = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));

        // Below capacity: no warning.
        var calm = await group.PostJsonAsync($"/api/tasks/{task.Id}/bids/preview", Requests.Bid(9_000));
        Assert.DoesNotContain((await calm.Content.ReadFromJsonAsync<BidPreviewDto>(ApiClient.Json))!.Warnings, w => w.Code == "at-capacity");

        // Its stated capacity brought down to the contracts it is bound to now.
        int bound;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
            bound = await db.Contracts.CountAsync(c => c.ProviderId == group.OrganizationId && ContractCapacity.Occupying.Contains(c.Status));
            Assert.True(bound > 0, "the seed gives たまがわクリーンサポート a contract under way");
            var organization = await db.Organizations.SingleAsync(o => o.Id == group.OrganizationId);
            organization.UpdateService(organization.Categories.ToList(), organization.WardsServed.ToList(), bound);
            await db.SaveChangesAsync();
        }

        var previewResponse = await group.PostJsonAsync($"/api/tasks/{task.Id}/bids/preview", Requests.Bid(9_000));
        Assert.Equal(HttpStatusCode.OK, previewResponse.StatusCode);
        var warning = Assert.Single((await previewResponse.Content.ReadFromJsonAsync<BidPreviewDto>(ApiClient.Json))!.Warnings, w => w.Code == "at-capacity");
        Assert.Contains($"進行中の契約が{bound}件", warning.Message);

        // Warned, not refused.
        await group.BidAsync(task.Id, 9_000);
        await other.BidAsync(task.Id, 12_000);

        // Sealed: the association learns nothing of the bidders, their load included.
        var sealedBids = await officer.GetAsync<TaskBidsDto>($"/api/tasks/{task.Id}/bids");
        Assert.Empty(sealedBids.Bids);

        factory.Clock.Advance(TimeSpan.FromDays(4));
        var opened = await officer.GetAsync<TaskBidsDto>($"/api/tasks/{task.Id}/bids");
        var atCapacity = Assert.Single(opened.Bids, b => b.GroupId == group.OrganizationId);
        Assert.Equal((bound, bound, true), (atCapacity.GroupActiveContracts, atCapacity.GroupCapacity, atCapacity.GroupAtCapacity));
        Assert.False(Assert.Single(opened.Bids, b => b.GroupId == other.OrganizationId).GroupAtCapacity);

        var page = await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var html = await page.Http.GetStringAsync($"/Tasks/{task.Id}");
        Assert.Single(Regex.Matches(html, $"data-at-capacity=\"{group.OrganizationId}\">受け入れ上限に達しています"));
        Assert.DoesNotContain($"data-at-capacity=\"{other.OrganizationId}\"", html);
    }
}
