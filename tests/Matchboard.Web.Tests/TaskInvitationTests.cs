using System.Net;
using System.Net.Http.Json;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>The posting association invites a group to bid: the group is told live and sees "invited"; refusals change nothing.</summary>
public sealed class TaskInvitationTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task AnInvitationReachesTheInvitedGroupLiveAndItsTaskSaysInvited()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var tamagawa = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        await using var mimamoriLive = await LiveClient.ConnectAsync(factory, mimamori);
        await using var tamagawaLive = await LiveClient.ConnectAsync(factory, tamagawa);
        var task = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));

        var response = await officer.PostJsonAsync($"/api/tasks/{task.Id}/invitations", new { organizationId = mimamori.OrganizationId });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var invitation = (await response.Content.ReadFromJsonAsync<TaskInvitationDto>(ApiClient.Json))!;
        Assert.Equal(mimamori.OrganizationId, invitation.OrganizationId);
        Assert.Equal(mimamori.Me.Organization.Name, invitation.OrganizationName);
        var pushed = await mimamoriLive.WaitForAsync(NotificationType.TaskInvited, task.Id);
        Assert.Equal(task.Title, pushed.Title);

        var seenByInvited = await mimamori.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}");
        Assert.True(seenByInvited.Invited);
        Assert.Null(seenByInvited.Invitations);
        var seenByOther = await tamagawa.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}");
        Assert.False(seenByOther.Invited);
        Assert.Null(seenByOther.Invitations);
        var seenByOfficer = await officer.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}");
        Assert.False(seenByOfficer.Invited);
        Assert.Equal([mimamori.OrganizationId], seenByOfficer.Invitations!.Select(i => i.OrganizationId));

        // The other group is invited next, to another task, and that push is waited for: anything about the first
        // invitation would have been pushed to it before. It has none, pushed or stored.
        var cleanup = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.Created, (await officer.PostJsonAsync($"/api/tasks/{cleanup.Id}/invitations", new { organizationId = tamagawa.OrganizationId })).StatusCode);
        await tamagawaLive.WaitForAsync(NotificationType.TaskInvited, cleanup.Id);
        Assert.DoesNotContain(tamagawaLive.Delivered, n => n.TaskId == task.Id);
        Assert.DoesNotContain(await tamagawa.AllNotificationsAsync(), n => n.TaskId == task.Id);
        Assert.DoesNotContain(mimamoriLive.Drain(), n => n.TaskId == cleanup.Id);
    }

    [Fact]
    public async Task AnInvitationIsInTheAuditLogAsTheAssociations()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var task = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.Created, (await officer.PostJsonAsync($"/api/tasks/{task.Id}/invitations", new { organizationId = mimamori.OrganizationId })).StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var invitation = await db.TaskInvitations.SingleAsync(i => i.TaskId == task.Id);
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "task.invited" && e.EntityId == invitation.Id.ToString());
        Assert.Equal("invitation", entry.EntityType);
        Assert.Equal(officer.OrganizationId, entry.OrganizationId);
        Assert.Contains($"\"group\":{mimamori.OrganizationId}", entry.Summary);
        Assert.Contains($"\"task\":{task.Id}", entry.Summary);
    }

    [Fact]
    public async Task RefusedInvitationsChangeNothing()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var otherOfficer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var tamagawa = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var unverified = await ApiClient.SignInAsync(factory, DemoAccounts.UnverifiedStaff);
        var task = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        var draft = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow(), publish: false));
        Assert.Equal(HttpStatusCode.Created, (await officer.PostJsonAsync($"/api/tasks/{task.Id}/invitations", new { organizationId = mimamori.OrganizationId })).StatusCode);
        var url = $"/api/tasks/{task.Id}/invitations";
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        await ProblemAssert.HasCodeAsync(await otherOfficer.PostJsonAsync(url, new { organizationId = tamagawa.OrganizationId }), HttpStatusCode.Forbidden, "task.not-yours");
        await ProblemAssert.IsProblemAsync(await mimamori.PostJsonAsync(url, new { organizationId = mimamori.OrganizationId }), HttpStatusCode.Forbidden);
        await ProblemAssert.HasCodeAsync(await officer.PostJsonAsync(url, new { organizationId = mimamori.OrganizationId }), HttpStatusCode.Conflict, "invitation.already-sent");
        await ProblemAssert.HasCodeAsync(await officer.PostJsonAsync(url, new { organizationId = unverified.OrganizationId }), HttpStatusCode.UnprocessableEntity, "invitation.group-unverified");
        await ProblemAssert.HasCodeAsync(await officer.PostJsonAsync(url, new { organizationId = otherOfficer.OrganizationId }), HttpStatusCode.UnprocessableEntity, "invitation.not-civic-group");
        await ProblemAssert.HasCodeAsync(await officer.PostJsonAsync(url, new { organizationId = tamagawa.OrganizationId }), HttpStatusCode.UnprocessableEntity, "invitation.certification-required");
        await ProblemAssert.HasCodeAsync(await officer.PostJsonAsync(url, new { organizationId = 987_654 }), HttpStatusCode.NotFound, "organization.not-found");
        await ProblemAssert.IsProblemAsync(await officer.PostJsonAsync(url, new { }), HttpStatusCode.BadRequest);
        await ProblemAssert.HasCodeAsync(await officer.PostJsonAsync($"/api/tasks/{draft.Id}/invitations", new { organizationId = mimamori.OrganizationId }), HttpStatusCode.Conflict, "task.not-accepting-bids");
        await ProblemAssert.HasCodeAsync(await officer.PostJsonAsync("/api/tasks/987654/invitations", new { organizationId = mimamori.OrganizationId }), HttpStatusCode.NotFound, "task.not-found");

        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    [Fact]
    public async Task InvitingAfterTheDeadlineIsRefusedAndTellsNobody()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var task = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        factory.Clock.Advance(TimeSpan.FromDays(4));

        var response = await officer.PostJsonAsync($"/api/tasks/{task.Id}/invitations", new { organizationId = mimamori.OrganizationId });

        await ProblemAssert.HasCodeAsync(response, HttpStatusCode.Conflict, "task.not-accepting-bids");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        Assert.False(await db.TaskInvitations.AnyAsync(i => i.TaskId == task.Id));
        Assert.DoesNotContain(await mimamori.AllNotificationsAsync(), n => n.Type == NotificationType.TaskInvited && n.TaskId == task.Id);
        Assert.False((await mimamori.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}")).Invited);
    }

    [Fact]
    public async Task TwoIdenticalInvitationsAtOnceMakeOne()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var secondSession = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var task = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        var body = new { organizationId = mimamori.OrganizationId };

        var responses = await Task.WhenAll(
            officer.PostJsonAsync($"/api/tasks/{task.Id}/invitations", body),
            secondSession.PostJsonAsync($"/api/tasks/{task.Id}/invitations", body));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        Assert.Equal(1, await db.TaskInvitations.CountAsync(i => i.TaskId == task.Id));
        Assert.Single(await mimamori.AllNotificationsAsync(), n => n.Type == NotificationType.TaskInvited && n.TaskId == task.Id);
    }

    [Fact]
    public async Task TheSecondOfTwoInterleavedInvitationsWritesNothing()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var task = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        var now = factory.Clock.GetUtcNow();
        await using var scopeA = factory.Services.CreateAsyncScope();
        await using var scopeB = factory.Services.CreateAsyncScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<MatchboardDbContext>();

        // Both read the task (and its invitations: none) before either writes, past the domain's once-per-group check.
        var taskA = await dbA.LoadOwnAsync(task.Id, officer.OrganizationId, CancellationToken.None);
        var taskB = await dbB.LoadOwnAsync(task.Id, officer.OrganizationId, CancellationToken.None);
        await dbA.Entry(taskA).Collection(t => t.Invitations).LoadAsync();
        await dbB.Entry(taskB).Collection(t => t.Invitations).LoadAsync();
        var group = await dbA.Organizations.AsNoTracking().SingleAsync(o => o.Id == mimamori.OrganizationId);
        taskA.Invite(group, now);
        taskB.Invite(group, now);
        await dbA.SaveChangesAsync();

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => dbB.SaveChangesAsync());
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<MatchboardDbContext>().TaskInvitations.CountAsync(i => i.TaskId == task.Id));
    }
}
