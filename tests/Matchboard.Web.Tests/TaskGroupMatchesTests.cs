using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Matchboard.Domain;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Matching;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// GET /api/tasks/{id}/matches and "Groups that fit / この仕事に合う団体" on the officer's task page: the verified groups
/// that are candidates for the task, ranked by the published rubric and explained, invited or not; the individual
/// supporters ranked the same way, separately, known only by ward and categories.
/// </summary>
public sealed class TaskGroupMatchesTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    /// <summary>A watch-over task in 中原区 that needs neither certification nor insurance, so every candidate may bid.</summary>
    private async Task<int> PostTaskAsync(ApiClient officer)
    {
        var request = Requests.WatchOverTask(factory.Clock.GetUtcNow());
        request["certificationRequired"] = false;
        request["insuranceRequired"] = false;
        return (await officer.PostTaskAsync(request)).Id;
    }

    private async Task<int> AddAsync(Organization organization, bool verified = true)
    {
        if (verified)
        {
            organization.Verify();
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return organization.Id;
    }

    private Task<int> AddGroupAsync(string category, string ward, bool verified = true) => AddAsync(
        Organization.CreateCivicGroup($"合う団体テスト {Guid.NewGuid():N}"[..16], ward, "どこか", LegalForm.VoluntaryGroup, ActivityStyle.Volunteer, [category], [ward], 3),
        verified);

    private Task<int> AddSupporterAsync(string category, string ward) =>
        AddAsync(Organization.CreateSupporter($"個人 {Guid.NewGuid():N}"[..12], ward, [category], "平日の午後"));

    private static Task<TaskGroupMatchesDto> MatchesAsync(ApiClient client, int taskId, string query = "pageSize=100") =>
        client.GetAsync<TaskGroupMatchesDto>($"/api/tasks/{taskId}/matches?{query}");

    [Fact]
    public async Task OnlyVerifiedCandidateGroupsAreRankedInThePublishedOrderWithReasonsThatAddUp()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var sameWard = await AddGroupAsync(Categories.WatchOver, Wards.Nakahara);
        var related = await AddGroupAsync(Categories.DisasterPrep, Wards.Saiwai);
        var unrelated = await AddGroupAsync(Categories.Cleanup, Wards.Nakahara);
        var far = await AddGroupAsync(Categories.WatchOver, Wards.Asao);
        var unverified = await AddGroupAsync(Categories.WatchOver, Wards.Nakahara, verified: false);
        var task = await PostTaskAsync(officer);

        var matches = await MatchesAsync(officer, task);
        var groups = matches.Groups.Items;

        Assert.Equal(matches.Groups.Total, groups.Count);
        Assert.Contains(groups, g => g.OrganizationId == sameWard);
        Assert.Contains(groups, g => g.OrganizationId == related);
        Assert.Contains(groups, g => g.OrganizationId == mimamori.OrganizationId);
        Assert.DoesNotContain(groups, g => g.OrganizationId == unrelated);
        Assert.DoesNotContain(groups, g => g.OrganizationId == far);
        Assert.DoesNotContain(groups, g => g.OrganizationId == unverified);
        var expected = groups.OrderByDescending(g => g.MeetsRequirements).ThenByDescending(g => g.Score).ThenBy(g => g.OrganizationId)
            .Select(g => g.OrganizationId);
        Assert.Equal(expected, groups.Select(g => g.OrganizationId));
        Assert.All(groups, g =>
        {
            Assert.Equal(g.Score, g.Reasons.Sum(r => r.Points));
            Assert.All(g.Reasons, r => Assert.NotEqual(r.Code, r.Text));
            Assert.False(g.Invited);
        });
        var relatedMatch = groups.Single(g => g.OrganizationId == related);
        Assert.Equal("となりの区で活動（幸区）", relatedMatch.Reasons.Single(r => r.Code == Domain.Matching.MatchReasons.NeighbouringWard).Text);
        Assert.True(groups.Single(g => g.OrganizationId == sameWard).Score > relatedMatch.Score);
        Assert.Equal(LegalForm.VoluntaryGroup, relatedMatch.LegalForm);
        Assert.Equal("None", relatedMatch.Certification.State);
    }

    [Fact]
    public async Task TheReasonsAreInTheRequestLanguage()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var task = await PostTaskAsync(officer);
        officer.Http.DefaultRequestHeaders.AcceptLanguage.Clear();
        officer.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var matches = await MatchesAsync(officer, task);

        Assert.All(matches.Groups.Items, g => Assert.StartsWith("Works in ", g.Reasons[0].Text, StringComparison.Ordinal));
        Assert.Contains(matches.Groups.Items, g => g.Reasons.Any(r => r.Text == "Active in the same ward (Nakahara Ward)"));
    }

    [Fact]
    public async Task AGroupIsMarkedInvitedOnceTheAssociationInvitesIt()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var task = await PostTaskAsync(officer);

        var invite = await officer.PostJsonAsync($"/api/tasks/{task}/invitations", new { organizationId = mimamori.OrganizationId });
        Assert.Equal(HttpStatusCode.Created, invite.StatusCode);
        var matches = await MatchesAsync(officer, task);

        Assert.True(matches.Groups.Items.Single(g => g.OrganizationId == mimamori.OrganizationId).Invited);
        Assert.All(matches.Groups.Items.Where(g => g.OrganizationId != mimamori.OrganizationId), g => Assert.False(g.Invited));
    }

    [Fact]
    public async Task SupportersAreRankedSeparatelyByTheirHomeWardWithoutNameOrContact()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var kosugi = await ApiClient.SignInAsync(factory, DemoAccounts.KosugiSupporter);
        var neighbour = await AddSupporterAsync(Categories.WatchOver, Wards.Saiwai);
        var relatedOnly = await AddSupporterAsync(Categories.DisasterPrep, Wards.Nakahara);
        var far = await AddSupporterAsync(Categories.WatchOver, Wards.Asao);
        var task = await PostTaskAsync(officer);

        var response = await officer.Http.GetAsync($"/api/tasks/{task}/matches?pageSize=100");
        var raw = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(raw).RootElement;
        var matches = JsonSerializer.Deserialize<TaskGroupMatchesDto>(raw, ApiClient.Json)!;

        Assert.DoesNotContain(matches.Groups.Items, g => g.OrganizationId == kosugi.OrganizationId || g.OrganizationId == neighbour);
        var supporters = matches.Supporters;
        Assert.Contains(supporters, s => s.SupporterId == kosugi.OrganizationId && s.Ward == Wards.Nakahara && s.MayRequest);
        Assert.Contains(supporters, s => s.SupporterId == neighbour && s.MayRequest);
        Assert.DoesNotContain(supporters, s => s.SupporterId == far);

        // A supporter in a related category is a candidate but does not offer the task's own category: it may not be asked.
        Assert.False(supporters.Single(s => s.SupporterId == relatedOnly).MayRequest);
        Assert.Equal(
            supporters.OrderByDescending(s => s.MeetsRequirements).ThenByDescending(s => s.Score).ThenBy(s => s.SupporterId).Select(s => s.SupporterId),
            supporters.Select(s => s.SupporterId));
        Assert.All(supporters, s => Assert.Equal(s.Score, s.Reasons.Sum(r => r.Points)));
        Assert.Equal(
            ["supporterId", "ward", "categories", "score", "meetsRequirements", "reasons", "mayRequest"],
            json.GetProperty("supporters")[0].EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain(kosugi.Me.Organization.Name, raw);
        Assert.DoesNotContain(DemoAccounts.KosugiSupporter, raw);
    }

    [Fact]
    public async Task TheGroupsArePagedAfterRanking()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        await AddGroupAsync(Categories.WatchOver, Wards.Takatsu);
        await AddGroupAsync(Categories.ElderlySalon, Wards.Nakahara);
        var task = await PostTaskAsync(officer);

        var all = (await MatchesAsync(officer, task)).Groups;
        var second = (await MatchesAsync(officer, task, "page=2&pageSize=1")).Groups;
        var clamped = (await MatchesAsync(officer, task, "page=0&pageSize=100000")).Groups;

        Assert.True(all.Total >= 3);
        Assert.Equal(all.Total, second.Total);
        Assert.Equal(2, second.Page);
        Assert.Equal(all.Items[1].OrganizationId, Assert.Single(second.Items).OrganizationId);
        Assert.Equal(1, clamped.Page);
        Assert.Equal(Features.Tasks.TaskService.MaxPageSize, clamped.PageSize);
    }

    [Theory]
    [InlineData(DemoAccounts.MizonokuchiOfficer, HttpStatusCode.Forbidden)]
    [InlineData(DemoAccounts.MimamoriStaff, HttpStatusCode.Forbidden)]
    [InlineData(DemoAccounts.KosugiSupporter, HttpStatusCode.Forbidden)]
    public async Task OnlyThePostingAssociationSeesTheMatchesAndARefusalChangesNothing(string email, HttpStatusCode status)
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var task = await PostTaskAsync(officer);
        var caller = await ApiClient.SignInAsync(factory, email);
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var response = await caller.Http.GetAsync($"/api/tasks/{task}/matches");

        Assert.Equal(status, response.StatusCode);
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    [Fact]
    public async Task AnUnknownTaskOrAnotherAssociationsDraftIsNotFoundAndChangesNothing()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var other = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var draft = (await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow(), publish: false))).Id;
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var unknown = await officer.Http.GetAsync("/api/tasks/987654/matches");
        var hidden = await other.Http.GetAsync($"/api/tasks/{draft}/matches");

        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(hidden, HttpStatusCode.NotFound);
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    [Fact]
    public async Task TheOfficersPageListsTheGroupsThatFitWithReasonsAndInvitingMarksThemInvited()
    {
        var officerApi = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var kosugi = await ApiClient.SignInAsync(factory, DemoAccounts.KosugiSupporter);
        var task = await PostTaskAsync(officerApi);
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);

        var before = await officer.Http.GetStringAsync($"/Tasks/{task}");

        Assert.Contains("この仕事に合う団体", before);
        Assert.Contains(mimamori.Me.Organization.Name, before);
        Assert.Contains($"id=\"invite-{mimamori.OrganizationId}\"", before);
        Assert.Contains("同じ分野で活動（高齢者の見守り）", before);
        Assert.Contains("<details class=\"fit-all-reasons\">", before);
        Assert.Contains("近くの個人サポーター", before);
        Assert.Contains($"data-supporter-id=\"{kosugi.OrganizationId}\"", before);
        Assert.Contains("中原区の個人サポーター（", before);
        Assert.DoesNotContain(kosugi.Me.Organization.Name, before);

        var response = await officer.PostFormAsync($"/Tasks/{task}?handler=Invite", new() { ["organizationId"] = $"{mimamori.OrganizationId}" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await officer.Http.GetStringAsync($"/Tasks/{task}");
        Assert.DoesNotContain($"id=\"invite-{mimamori.OrganizationId}\"", after);
        Assert.Matches($"id=\"invited-{mimamori.OrganizationId}\"><strong>招待済み</strong>", after);
    }

    [Fact]
    public async Task TheOfficersPageOffersPageLinksWhenTheGroupsFillMoreThanOnePage()
    {
        var officerApi = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var task = await PostTaskAsync(officerApi);
        var total = (await MatchesAsync(officerApi, task)).Groups.Total;
        for (var i = total; i <= Features.Tasks.TaskService.DefaultPageSize; i++)
        {
            await AddGroupAsync(Categories.WatchOver, Wards.Nakahara);
        }

        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer, language: "en");
        var first = await officer.Http.GetStringAsync($"/Tasks/{task}");
        var second = await officer.Http.GetStringAsync($"/Tasks/{task}?groupsPage=2");

        Assert.Contains("Groups that fit", first);
        Assert.Contains($"href=\"/Tasks/{task}?groupsPage=2#fit-heading\" rel=\"next\"", first);
        Assert.Contains($"href=\"/Tasks/{task}?groupsPage=1#fit-heading\" rel=\"prev\"", second);
    }
}
