using Matchboard.Domain.Notifications;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

public sealed class HubAuthenticationTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task AWebSocketClientSignsInWithTheAccessTokenQueryAndReceivesPushes()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var received = new TaskCompletionSource<NotificationDto>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = WebSocketConnection($"?access_token={Uri.EscapeDataString(officer.Token)}");
        connection.On<NotificationDto>("notification", n => received.TrySetResult(n));
        await connection.StartAsync();

        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var bid = await group.BidAsync(task.Id);

        var pushed = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(NotificationType.BidPlaced, pushed.Type);
        Assert.Equal(bid.Id, pushed.BidId);
    }

    [Fact]
    public async Task AnAnonymousClientCannotConnect()
    {
        await using var connection = WebSocketConnection(string.Empty);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());

        Assert.Contains("401", refused.Message);
    }

    [Fact]
    public async Task AForgedTokenCannotConnect()
    {
        await using var connection = WebSocketConnection("?access_token=not-a-token");

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());

        Assert.Contains("401", refused.Message);
    }

    private HubConnection WebSocketConnection(string query) => new HubConnectionBuilder()
        .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/matchboard" + query), options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            options.WebSocketFactory = (context, ct) => new ValueTask<System.Net.WebSockets.WebSocket>(
                factory.Server.CreateWebSocketClient().ConnectAsync(context.Uri, ct));
        })
        .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
        .Build();
}
