using System.Net;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>The officer invites from the task page the groups the task is for; the invited group's page says so.</summary>
public sealed class TaskInvitationPageTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task TheOfficerInvitesAMatchingGroupFromTheTaskPageAndTheGroupSeesItIsInvited()
    {
        var officerApi = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var tamagawa = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var task = await officerApi.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);

        // Watch-over in 中原区 requiring certification: the certified watch-over group is offered, the clean-up group is not.
        var before = await officer.Http.GetStringAsync($"/Tasks/{task.Id}");
        Assert.Contains("団体に提案をお願いする（招待）", before);
        Assert.Contains($"id=\"invite-{mimamori.OrganizationId}\"", before);
        Assert.DoesNotContain($"id=\"invite-{tamagawa.OrganizationId}\"", before);
        Assert.Contains("id=\"invited-none\"", before);

        var response = await officer.PostFormAsync($"/Tasks/{task.Id}?handler=Invite", new() { ["organizationId"] = $"{mimamori.OrganizationId}" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await officer.Http.GetStringAsync($"/Tasks/{task.Id}");
        Assert.Contains($"{mimamori.Me.Organization.Name}を招待しました。", after);
        Assert.Matches($"id=\"invited-groups\">\\s*<li data-group=\"{mimamori.OrganizationId}\">", after);
        Assert.DoesNotContain($"id=\"invite-{mimamori.OrganizationId}\"", after);

        var invitedPage = await (await PageClient.CreateAsync(factory, DemoAccounts.MimamoriStaff)).Http.GetStringAsync($"/Tasks/{task.Id}");
        Assert.Contains("id=\"invited-notice\"", invitedPage);
        Assert.Contains("招待されています", invitedPage);
        Assert.DoesNotContain("id=\"invitations\"", invitedPage);
        var otherPage = await (await PageClient.CreateAsync(factory, DemoAccounts.TamagawaStaff)).Http.GetStringAsync($"/Tasks/{task.Id}");
        Assert.DoesNotContain("id=\"invited-notice\"", otherPage);
        Assert.DoesNotContain("id=\"invitations\"", otherPage);
    }

    [Fact]
    public async Task TheInvitationSectionReadsInEnglish()
    {
        var officerApi = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var task = await officerApi.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer, language: "en");

        var html = await officer.Http.GetStringAsync($"/Tasks/{task.Id}");

        Assert.Contains("Invite groups to bid", html);
        Assert.Contains("We have not invited any group yet.", html);
    }

    [Fact]
    public async Task AnotherAssociationCannotInviteFromTheTaskPage()
    {
        var officerApi = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var task = await officerApi.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        var other = await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer);

        Assert.DoesNotContain("id=\"invitations\"", await other.Http.GetStringAsync($"/Tasks/{task.Id}"));
        var response = await other.PostFormAsync($"/Tasks/{task.Id}?handler=Invite", new() { ["organizationId"] = $"{mimamori.OrganizationId}" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False((await mimamori.GetAsync<Features.Tasks.TaskDetailDto>($"/api/tasks/{task.Id}")).Invited);
    }
}
