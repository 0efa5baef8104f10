using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Bids;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// Sealed means sealed for the posting association too: until the deadline it learns how many bids arrived and
/// nothing else, by any road; at the deadline it sees them all at once, and the opening is stored exactly once.
/// </summary>
public sealed class SealedBidsTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    // Distinctive values, so that finding them anywhere is a leak and not a coincidence.
    private const long Amount = 123_457;
    private const string AmountDigits = "123457";
    private const string AmountShown = "123,457";
    private const string ProposalMarker = "SEALED-PROPOSAL-7f3a";
    private const string Proposal = "週1回、2人1組で訪問します。" + ProposalMarker;
    private const string GroupName = "たまがわクリーンサポート";

    [Fact]
    public async Task NoAmountProposalOrGroupReachesTheAssociationBeforeTheDeadlineAndAllOfThemDoAfter()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var page = await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer);
        // A hub client connected as the officer that keeps each push exactly as it came over the wire.
        var rawPushes = new List<string>();
        var bothPushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/matchboard"), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.AccessTokenProvider = () => Task.FromResult<string?>(officer.Token);
            })
            .Build();
        hub.On<JsonElement>("notification", push =>
        {
            lock (rawPushes)
            {
                rawPushes.Add(push.GetRawText());
                if (rawPushes.Count(p => p.Contains($"\"taskId\":{task.Id},", StringComparison.Ordinal)) >= 2)
                {
                    bothPushed.TrySetResult();
                }
            }
        });
        await hub.StartAsync();
        var mailMark = factory.DroppedMailFiles();
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);

        var bid = await group.BidAsync(task.Id, Amount, Proposal);
        (await group.Http.PutAsJsonAsync($"/api/tasks/{task.Id}/bids/mine", Requests.Bid(Amount + 1, Proposal + " 改", bid.EarliestStart))).EnsureSuccessStatusCode();
        await bothPushed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The API: the bid list is a count, the task a count.
        var sealedList = await officer.Http.GetStringAsync($"/api/tasks/{task.Id}/bids");
        AssertNoJsonLeak(sealedList);
        var sealedBids = JsonSerializer.Deserialize<TaskBidsDto>(sealedList, ApiClient.Json)!;
        Assert.Equal((1, false, 0), (sealedBids.Count, sealedBids.IsOpen, sealedBids.Bids.Count));
        var sealedTask = await officer.Http.GetStringAsync($"/api/tasks/{task.Id}");
        AssertNoJsonLeak(sealedTask);
        Assert.Equal(1, JsonSerializer.Deserialize<TaskDetailDto>(sealedTask, ApiClient.Json)!.BidCount);

        // The notification feed, the hub's pushes and any mail.
        AssertNoJsonLeak(await officer.Http.GetStringAsync("/api/notifications"));
        lock (rawPushes)
        {
            Assert.NotEmpty(rawPushes);
            Assert.All(rawPushes, AssertNoJsonLeak);
        }

        Assert.All(factory.DroppedMailSince(mailMark), mail => AssertNoHtmlLeak((mail.TextBody ?? string.Empty) + mail.HtmlBody, group: false));

        // The pages: the task page, its live regions, the notification list, the start page, my tasks.
        var taskPage = await page.Http.GetStringAsync($"/Tasks/{task.Id}");

        // The page's invitation list names the groups the task is for, whether or not they bid, so the bidder's name may
        // stand there; the bids themselves (the regions below, the bids region among them) must not name it.
        AssertNoHtmlLeak(taskPage, group: false);
        var bidsSection = System.Text.RegularExpressions.Regex.Match(taskPage, "<section aria-labelledby=\"bids-heading\">.*?</section>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("id=\"bids-sealed\"", bidsSection);
        Assert.DoesNotContain(GroupName, bidsSection);
        Assert.Contains("id=\"bids-sealed\"", taskPage);
        Assert.Contains("届いた提案：1件", taskPage);
        foreach (var region in DetailsModel.Regions.Where(r => r != "mybid"))
        {
            AssertNoHtmlLeak(await page.Http.GetStringAsync($"/Tasks/{task.Id}?handler=Region&name={region}"));
        }

        // (These list other tasks too, whose awards may name the same group: only the amount and proposal are looked for.)
        AssertNoHtmlLeak(await page.Http.GetStringAsync("/Notifications"), group: false);
        AssertNoHtmlLeak(await page.Http.GetStringAsync("/"), group: false);
        AssertNoHtmlLeak(await page.Http.GetStringAsync("/Tasks/Mine"), group: false);

        // After the deadline the same reads show everything at once.
        factory.Clock.Advance(TimeSpan.FromDays(4));

        var opened = await officer.GetAsync<TaskBidsDto>($"/api/tasks/{task.Id}/bids");
        Assert.NotNull(opened.OpenedAt);
        var shown = Assert.Single(opened.Bids);
        Assert.Equal((Amount + 1, Proposal + " 改", bid.GroupId), (shown.AmountYen, shown.Proposal, shown.GroupId));
        Assert.Contains(GroupName, shown.GroupName);
        Assert.NotNull((await officer.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}")).BidsOpenedAt);
        foreach (var html in new[] { await page.Http.GetStringAsync($"/Tasks/{task.Id}"), await page.Http.GetStringAsync($"/Tasks/{task.Id}?handler=Region&name=bids") })
        {
            Assert.Contains("123,458", html);
            Assert.Contains(ProposalMarker, html);
            Assert.Contains(GroupName, html);
            Assert.DoesNotContain("id=\"bids-sealed\"", html);
        }
    }

    [Fact]
    public async Task TheBidsStaySealedForTheAssociationEvenWhenTheTaskIsCancelledBeforeTheDeadline()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        await (await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff)).BidAsync(task.Id, Amount, Proposal);
        (await officer.Http.PostAsync($"/api/tasks/{task.Id}/cancel", null)).EnsureSuccessStatusCode();
        factory.Clock.Advance(TimeSpan.FromDays(4));

        var list = await officer.Http.GetStringAsync($"/api/tasks/{task.Id}/bids");

        AssertNoJsonLeak(list);
        Assert.Null(JsonSerializer.Deserialize<TaskBidsDto>(list, ApiClient.Json)!.OpenedAt);
    }

    [Fact]
    public async Task AnotherAssociationIsRefusedTheCountAsBefore()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        await (await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff)).BidAsync(task.Id, Amount, Proposal);
        var other = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);

        var response = await other.Http.GetAsync($"/api/tasks/{task.Id}/bids");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertNoJsonLeak(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheSweepAndTheAssociationsFirstReadRacingOpenTheBidsOnce()
    {
        var (officer, task) = await TaskWithTwoBidsPastItsDeadlineAsync();
        var versionBefore = await VersionOfAsync(task.Id);

        await using var sweepScope = factory.Services.CreateAsyncScope();
        var list = officer.Http.GetAsync($"/api/tasks/{task.Id}/bids");
        var sweep = SweepAsync(sweepScope.ServiceProvider);
        var detail = officer.Http.GetAsync($"/api/tasks/{task.Id}");
        await Task.WhenAll(list, sweep, detail);

        Assert.All([await list, await detail], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await AssertOpenedOnceAsync(task.Id, versionBefore);
        Assert.Equal(2, (await officer.GetAsync<TaskBidsDto>($"/api/tasks/{task.Id}/bids")).Bids.Count);
    }

    [Fact]
    public async Task TwoFirstReadsAtOnceOpenTheBidsOnce()
    {
        var (officer, task) = await TaskWithTwoBidsPastItsDeadlineAsync();
        var page = await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var versionBefore = await VersionOfAsync(task.Id);

        var responses = await Task.WhenAll(
            officer.Http.GetAsync($"/api/tasks/{task.Id}/bids"),
            officer.Http.GetAsync($"/api/tasks/{task.Id}/bids"),
            page.Http.GetAsync($"/Tasks/{task.Id}"),
            page.Http.GetAsync($"/Tasks/{task.Id}?handler=Region&name=bids"));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await AssertOpenedOnceAsync(task.Id, versionBefore);
        foreach (var response in responses[..2])
        {
            var bids = JsonSerializer.Deserialize<TaskBidsDto>(await response.Content.ReadAsStringAsync(), ApiClient.Json)!;
            Assert.Equal((true, 2), (bids.OpenedAt is not null, bids.Bids.Count));
        }

        Assert.Contains(ProposalMarker, await responses[3].Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AReadAfterTheSweepOpenedTheBidsChangesNothing()
    {
        var (officer, task) = await TaskWithTwoBidsPastItsDeadlineAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await SweepAsync(scope.ServiceProvider);
        }

        var versionAfterSweep = await VersionOfAsync(task.Id);
        var sweptAt = factory.Clock.GetUtcNow();
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var openedAt = (await officer.GetAsync<TaskBidsDto>($"/api/tasks/{task.Id}/bids")).OpenedAt;

        Assert.Equal(versionAfterSweep, await VersionOfAsync(task.Id));
        Assert.Equal(sweptAt, openedAt);
    }

    private async Task<(ApiClient Officer, TaskDetailDto Task)> TaskWithTwoBidsPastItsDeadlineAsync()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        await (await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff)).BidAsync(task.Id, Amount, Proposal);
        await (await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff)).BidAsync(task.Id, Amount + 10, Proposal);
        factory.Clock.Advance(TimeSpan.FromDays(4));
        return (officer, task);
    }

    private Task<int> SweepAsync(IServiceProvider services) =>
        new DeadlineSweep().RunAsync(services, factory.Clock.GetUtcNow(), CancellationToken.None);

    private async Task<int> VersionOfAsync(int taskId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        return await db.Tasks.Where(t => t.Id == taskId)
            .Select(t => EF.Property<int>(t, MatchboardDbContext.VersionProperty)).SingleAsync();
    }

    /// <summary>Opened, and by one write alone: every save of the task moves its version on by one.</summary>
    private async Task AssertOpenedOnceAsync(int taskId, int versionBefore)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId);
        Assert.True(BidDisclosure.IsOpenToAssociation(task));
        Assert.Equal(CommunityTaskStatus.Closed, task.Status);
        Assert.Equal(versionBefore + 1, await VersionOfAsync(taskId));

        // The audit log records the opening exactly once, with both amounts (the first entry about this task to hold them).
        var openings = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "bids.opened" && e.EntityType == "task" && e.EntityId == taskId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToListAsync();
        var opening = Assert.Single(openings);
        Assert.Contains(AmountDigits, opening.Summary);
    }

    private static void AssertNoJsonLeak(string json)
    {
        Assert.DoesNotContain(AmountDigits, json);
        Assert.DoesNotContain("123458", json);
        Assert.DoesNotContain(ProposalMarker, json);
        Assert.DoesNotContain("\"amountYen\"", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"proposal\"", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"groupName\"", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(GroupName, JsonUnescaped(json));
    }

    private static void AssertNoHtmlLeak(string html) => AssertNoHtmlLeak(html, group: true);

    private static void AssertNoHtmlLeak(string html, bool group)
    {
        Assert.DoesNotContain(AmountShown, html);
        Assert.DoesNotContain("123,458", html);
        Assert.DoesNotContain(ProposalMarker, html);
        if (group)
        {
            Assert.DoesNotContain(GroupName, html);
        }
    }

    /// <summary>The text of every string in the JSON, however its characters were escaped.</summary>
    private static string JsonUnescaped(string json)
    {
        var texts = new List<string>();
        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String:
                    texts.Add(e.GetString()!);
                    break;
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        Walk(p.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement);
        return string.Join('\n', texts);
    }
}
