using System.Net;
using System.Net.Http.Json;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Features.Contracts;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>The whole match over HTTP, with an officer and two groups connected to the hub at once.</summary>
public sealed class LiveMatchTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task PostingATaskPushesTaskPostedOnlyToTheMatchingGroup()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var tamagawa = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        await using var mimamoriLive = await LiveClient.ConnectAsync(factory, mimamori);
        await using var tamagawaLive = await LiveClient.ConnectAsync(factory, tamagawa);
        await using var officerLive = await LiveClient.ConnectAsync(factory, officer);

        var task = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));

        var pushed = await mimamoriLive.WaitForAsync(NotificationType.TaskPosted, task.Id);
        Assert.Equal(task.Title, pushed.Title);
        Assert.True(pushed.Sequence > 0);

        // What was stored is what was pushed: the other group has no row for this task at all.
        Assert.DoesNotContain((await tamagawa.NotificationsAsync()).Items, n => n.TaskId == task.Id);
        Assert.DoesNotContain((await officer.NotificationsAsync()).Items, n => n.TaskId == task.Id);
        Assert.DoesNotContain(tamagawaLive.Drain(), n => n.TaskId == task.Id);
        Assert.DoesNotContain(officerLive.Drain(), n => n.TaskId == task.Id);
    }

    [Fact]
    public async Task BiddingAwardingAndSigningReachBothSidesLive()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var tamagawa = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        await using var officerLive = await LiveClient.ConnectAsync(factory, officer);
        await using var mimamoriLive = await LiveClient.ConnectAsync(factory, mimamori);
        await using var tamagawaLive = await LiveClient.ConnectAsync(factory, tamagawa);

        // A task both groups may bid on: 高津区, no certification required.
        var request = Requests.CleanupTask(factory.Clock.GetUtcNow());
        var task = await officer.PostTaskAsync(request);

        var winnerBid = await tamagawa.BidAsync(task.Id, 18_000);
        var placed = await officerLive.WaitForAsync(NotificationType.BidPlaced, task.Id);
        Assert.Equal(winnerBid.Id, placed.BidId);

        var loserBid = await mimamori.BidAsync(task.Id, 15_000);
        Assert.Equal(loserBid.Id, (await officerLive.WaitForAsync(NotificationType.BidPlaced, task.Id)).BidId);

        factory.Clock.Advance(TimeSpan.FromDays(4));
        var award = await officer.AwardAsync(task.Id, winnerBid.Id);
        Assert.Equal(HttpStatusCode.OK, award.StatusCode);
        var contract = (await award.Content.ReadFromJsonAsync<ContractDto>(ApiClient.Json))!;

        var awarded = await tamagawaLive.WaitForAsync(NotificationType.BidAwarded, task.Id);
        Assert.Equal(contract.Id, awarded.ContractId);
        var rejected = await mimamoriLive.WaitForAsync(NotificationType.BidRejected, task.Id);
        Assert.Equal(loserBid.Id, rejected.BidId);
        Assert.DoesNotContain(mimamoriLive.Drain(), n => n.Type == NotificationType.BidAwarded);

        // Signing needs the association's terms and each side's contact person.
        await officer.SendAsync(HttpMethod.Put, $"/api/contracts/{contract.Id}/terms", ContractSteps.Terms);
        await officer.SendAsync(HttpMethod.Put, $"/api/contracts/{contract.Id}/contacts/mine", ContractSteps.Contact("町会 花子"));
        await tamagawa.SendAsync(HttpMethod.Put, $"/api/contracts/{contract.Id}/contacts/mine", ContractSteps.Contact("清掃 次郎"));
        Assert.Equal(ContractStatus.PendingSignatures, (await officer.SignAsync(contract.Id)).Status);
        await tamagawaLive.WaitForAsync(NotificationType.ContractSigned, task.Id);
        await officerLive.WaitForAsync(NotificationType.ContractSigned, task.Id);
        var active = await tamagawa.SignAsync(contract.Id);
        Assert.Equal(ContractStatus.Active, active.Status);
        await officerLive.WaitForAsync(NotificationType.ContractSigned, task.Id);
    }

    [Fact]
    public async Task AnAnswerReachesEveryGroupThatBidOrAskedButNotWhoAskedToOthers()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var asker = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var bidder = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        await using var officerLive = await LiveClient.ConnectAsync(factory, officer);
        await using var bidderLive = await LiveClient.ConnectAsync(factory, bidder);

        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        await bidder.BidAsync(task.Id);
        var ask = await asker.Http.PostAsJsonAsync($"/api/tasks/{task.Id}/questions", new { text = "道具はお借りできますか。" });
        Assert.Equal(HttpStatusCode.Created, ask.StatusCode);
        var question = (await ask.Content.ReadFromJsonAsync<Features.Tasks.QuestionDto>(ApiClient.Json))!;
        await officerLive.WaitForAsync(NotificationType.QuestionAsked, task.Id);

        // Unanswered, the question is the asker's and the association's business only.
        Assert.Empty((await bidder.GetAsync<Features.Tasks.TaskDetailDto>($"/api/tasks/{task.Id}")).Questions);

        var answer = await officer.Http.PostAsJsonAsync($"/api/questions/{question.Id}/answer", new { answer = "ほうきとごみ袋は町内会でご用意します。" });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        await bidderLive.WaitForAsync(NotificationType.QuestionAnswered, task.Id);
        Assert.Contains((await asker.NotificationsAsync()).Items, n => n.Type == NotificationType.QuestionAnswered && n.TaskId == task.Id);

        var seenByBidder = Assert.Single((await bidder.GetAsync<Features.Tasks.TaskDetailDto>($"/api/tasks/{task.Id}")).Questions);
        Assert.Equal("ほうきとごみ袋は町内会でご用意します。", seenByBidder.Answer);
        Assert.Null(seenByBidder.AskedBy);
        Assert.False(seenByBidder.AskedByUs);
        var seenByOfficer = Assert.Single((await officer.GetAsync<Features.Tasks.TaskDetailDto>($"/api/tasks/{task.Id}")).Questions);
        Assert.Equal(asker.Me.Organization.Name, seenByOfficer.AskedBy);
    }

    [Fact]
    public async Task AClientThatWasOfflineRecoversMissedPushesWithAfter()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var live = await LiveClient.ConnectAsync(factory, officer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        await group.BidAsync(task.Id);
        var lastSeen = (await live.WaitForAsync(NotificationType.BidPlaced, task.Id)).Sequence;

        await live.Connection.StopAsync();
        var revise = await group.Http.PutAsJsonAsync($"/api/tasks/{task.Id}/bids/mine", Requests.Bid(12_000, "人数を増やして2回に分けて清掃します。"));
        Assert.Equal(HttpStatusCode.OK, revise.StatusCode);
        var withdraw = await group.Http.DeleteAsync($"/api/tasks/{task.Id}/bids/mine");
        Assert.Equal(HttpStatusCode.NoContent, withdraw.StatusCode);

        await live.Connection.StartAsync();
        Assert.Empty(live.Drain());
        var missed = (await officer.NotificationsAsync(after: lastSeen)).Items;

        Assert.Equal([NotificationType.BidRevised, NotificationType.BidWithdrawn], missed.Select(n => n.Type));
        Assert.All(missed, n => Assert.Equal(task.Id, n.TaskId));
        Assert.True(missed[0].Sequence > lastSeen && missed[1].Sequence > missed[0].Sequence);
        await live.DisposeAsync();
    }

    [Fact]
    public async Task MarkingNotificationsReadLowersTheUnreadCount()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        await group.BidAsync(task.Id);
        var before = await officer.NotificationsAsync();
        Assert.True(before.Unread > 0);

        var read = await officer.Http.PostAsJsonAsync("/api/notifications/read", new { upTo = before.Items[^1].Sequence });

        Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        var after = await officer.NotificationsAsync();
        Assert.Equal(0, after.Unread);
        Assert.All(after.Items, n => Assert.True(n.IsRead));
    }
}
