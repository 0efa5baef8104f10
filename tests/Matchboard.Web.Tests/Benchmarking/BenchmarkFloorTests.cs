using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Floors;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests.Benchmarking;

/// <summary>The app with the benchmark's floors switched on, as the benchmark starts it.</summary>
public sealed class FloorsFactory() : InstanceFactory(settings: new Dictionary<string, string?> { [FloorEndpoints.Setting] = "true" });

public sealed class BenchmarkFloorTests(FloorsFactory floors, MatchboardFactory plain)
    : IClassFixture<FloorsFactory>, IClassFixture<MatchboardFactory>
{
    [Theory]
    [InlineData("GET", "/_floors/echo")]
    [InlineData("POST", "/_floors/broadcast")]
    [InlineData("POST", "/_floors/insert")]
    [InlineData("GET", "/_floors/memory")]
    [InlineData("GET", "/_floors/commits?organization=1&sequence=1")]
    [InlineData("GET", "/_floors/clock")]
    public async Task WithoutTheSettingTheFloorsDoNotExist(string method, string path)
    {
        var member = await ApiClient.SignInAsync(plain, DemoAccounts.TamagawaStaff);
        var before = await CountsAsync(plain, member.OrganizationId);

        var response = await member.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("x") });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await CountsAsync(plain, member.OrganizationId));
    }

    [Fact]
    public async Task TheEchoFloorSendsBackEachMessage()
    {
        var client = floors.Server.CreateWebSocketClient();
        using var socket = await client.ConnectAsync(new Uri(floors.Server.BaseAddress, "/_floors/echo"), CancellationToken.None);
        var buffer = new byte[64];
        foreach (var text in new[] { "一", "two" })
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
            var received = await socket.ReceiveAsync(buffer, CancellationToken.None);

            Assert.Equal(text, Encoding.UTF8.GetString(buffer, 0, received.Count));
        }

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task TheMemoryReadingGivesLiveManagedBytesAndTheWorkingSet()
    {
        var memory = await floors.CreateClient().GetFromJsonAsync<FloorEndpoints.FloorMemoryDto>("/_floors/memory");

        Assert.NotNull(memory);
        Assert.True(memory.ManagedBytes > 0);
        Assert.True(memory.WorkingSetBytes > memory.ManagedBytes);
    }

    [Fact]
    public async Task TheBroadcastFloorReachesAConnectedHubClient()
    {
        var member = await ApiClient.SignInAsync(floors, DemoAccounts.TamagawaStaff);
        await using var live = await LiveClient.ConnectAsync(floors, member);
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Connection.On<string>(FloorEndpoints.HubMethod, payload => received.TrySetResult(payload));

        var response = await floors.CreateClient().PostAsync("/_floors/broadcast", new StringContent("{\"task\":1}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("{\"task\":1}", await received.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task TheBroadcastFloorAnswersWithTheServersClockJustBeforeItSent()
    {
        var before = Stopwatch.GetTimestamp();
        var response = await floors.CreateClient().PostAsync("/_floors/broadcast", new StringContent("x"));
        var after = Stopwatch.GetTimestamp();

        var sentAt = long.Parse(response.Headers.GetValues(FloorEndpoints.SentAtHeader).Single(), CultureInfo.InvariantCulture);
        Assert.InRange(sentAt, before, after);
    }

    [Fact]
    public async Task ANotificationsCommitIsRecordedOnlyWithTheFloors()
    {
        Assert.Null(plain.Services.GetService<NotificationCommits>());
        var member = await ApiClient.SignInAsync(floors, DemoAccounts.TamagawaStaff);

        var before = Stopwatch.GetTimestamp();
        await InsertAsync(member, Guid.NewGuid().ToString());
        var after = Stopwatch.GetTimestamp();

        var sequence = (await member.AllNotificationsAsync()).Max(n => n.Sequence);
        var committed = await floors.CreateClient().GetFromJsonAsync<FloorEndpoints.FloorCommitDto>(
            $"/_floors/commits?organization={member.OrganizationId}&sequence={sequence}");
        Assert.InRange(committed!.CommittedAt, before, after);
        var unknown = await floors.CreateClient().GetAsync($"/_floors/commits?organization={member.OrganizationId}&sequence={sequence + 1000}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var clock = await floors.CreateClient().GetFromJsonAsync<FloorEndpoints.FloorClockDto>("/_floors/clock");
        Assert.Equal(Stopwatch.Frequency, clock!.Frequency);
        Assert.True(clock.Timestamp > after);
    }

    [Fact]
    public async Task TheInsertFloorWritesOneRowWithItsAuditEntryAndOneNumberedNotificationOnce()
    {
        var member = await ApiClient.SignInAsync(floors, DemoAccounts.TamagawaStaff);
        var before = await CountsAsync(floors, member.OrganizationId);
        var key = Guid.NewGuid().ToString();

        var first = await InsertAsync(member, key);
        var replayed = await InsertAsync(member, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.True(replayed.Headers.Contains("Idempotent-Replayed"));
        var written = await first.Content.ReadFromJsonAsync<FloorEndpoints.FloorWriteDto>();
        Assert.Equal(written, await replayed.Content.ReadFromJsonAsync<FloorEndpoints.FloorWriteDto>());
        Assert.Equal(before with { Rows = before.Rows + 1, AuditEntries = before.AuditEntries + 1, Notifications = before.Notifications + 1 },
            await CountsAsync(floors, member.OrganizationId));
    }

    [Fact]
    public async Task TheInsertFloorRefusesAnonymousCallersAndWritesNothing()
    {
        var member = await ApiClient.SignInAsync(floors, DemoAccounts.TamagawaStaff);
        var before = await CountsAsync(floors, member.OrganizationId);

        var anonymous = floors.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.PostAsync("/_floors/insert", null);

        // Outside /api, the cookie scheme's answer: off to the sign-in page.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Accounts/SignIn", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(floors, member.OrganizationId));
    }

    private static Task<HttpResponseMessage> InsertAsync(ApiClient member, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/_floors/insert?note=floor");
        request.Headers.Add("Idempotency-Key", key);
        return member.Http.SendAsync(request);
    }

    private sealed record Counts(int Rows, int AuditEntries, int Notifications);

    private static async Task<Counts> CountsAsync(MatchboardFactory factory, int organizationId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        return new Counts(
            await db.FloorWrites.CountAsync(),
            await db.AuditEntries.CountAsync(e => e.Action == "floor.written"),
            await db.Notifications.CountAsync(n => n.OrganizationId == organizationId));
    }
}
