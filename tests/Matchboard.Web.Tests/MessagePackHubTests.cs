using System.Text.Json;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// A hub client may opt in to MessagePack (smaller frames, no JSON text to build per push); the browser stays on JSON.
/// Both must receive the same notification: enums, the optional parts, the instant with its offset, the match reasons.
/// </summary>
public sealed class MessagePackHubTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task AMessagePackClientReceivesTheSameTaskPostedPushAsAJsonClient()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var (json, jsonReceived) = Connect(mimamori.Token, messagePack: false);
        var (messagePack, messagePackReceived) = Connect(mimamori.Token, messagePack: true);
        await using (json)
        await using (messagePack)
        {
            await json.StartAsync();
            await messagePack.StartAsync();

            var task = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));

            var overJson = await jsonReceived.Task.WaitAsync(TimeSpan.FromSeconds(10));
            var overMessagePack = await messagePackReceived.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(NotificationType.TaskPosted, overMessagePack.Type);
            Assert.Equal(task.Id, overMessagePack.TaskId);
            Assert.Equal(overJson.OccurredAt, overMessagePack.OccurredAt);
            Assert.Equal(overJson.OccurredAt.Offset, overMessagePack.OccurredAt.Offset);
            Assert.NotNull(overMessagePack.Match);
            Assert.NotEmpty(overMessagePack.Match.Reasons);
            // Everything else, field by field (records compare lists by reference, so compare their JSON).
            Assert.Equal(JsonSerializer.Serialize(overJson, ApiClient.Json), JsonSerializer.Serialize(overMessagePack, ApiClient.Json));

            // And what was pushed is what the feed stores.
            var stored = (await mimamori.NotificationsAsync()).Items.Single(n => n.TaskId == task.Id);
            Assert.Equal(JsonSerializer.Serialize(stored, ApiClient.Json), JsonSerializer.Serialize(overMessagePack, ApiClient.Json));
        }
    }

    private (HubConnection Connection, TaskCompletionSource<NotificationDto> Received) Connect(string token, bool messagePack)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/matchboard?access_token=" + Uri.EscapeDataString(token)), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.WebSocketFactory = (context, ct) => new ValueTask<System.Net.WebSockets.WebSocket>(
                    factory.Server.CreateWebSocketClient().ConnectAsync(context.Uri, ct));
            });
        if (messagePack)
        {
            builder.AddMessagePackProtocol();
        }
        else
        {
            builder.AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        }

        var connection = builder.Build();
        var received = new TaskCompletionSource<NotificationDto>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<NotificationDto>(HubNotificationSender.ClientMethod, n =>
        {
            if (n.Type == NotificationType.TaskPosted)
            {
                received.TrySetResult(n);
            }
        });
        return (connection, received);
    }
}
