using System.Buffers;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Hubs;
using Matchboard.Web.Infrastructure.Validation;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Matchboard.Web.Tests;

/// <summary>
/// The hub writes its pushes with source-generated metadata (<see cref="HubPayloadJson"/>): the bytes must be exactly
/// those of the reflection-based writer with the same options (names, enums as names, times with their offset, nulls).
/// </summary>
public sealed class HubPayloadJsonTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    public static TheoryData<NotificationDto> Payloads() =>
    [
        new NotificationDto
        {
            Sequence = 41,
            Type = NotificationType.TaskPosted,
            TaskId = 7,
            Title = "一人暮らしの高齢者の見守り訪問（週1回）<&'\">",
            OccurredAt = new DateTimeOffset(2026, 11, 29, 9, 30, 15, 123, TimeSpan.FromHours(9)),
            Match = new NotificationMatchDto
            {
                Score = 72,
                Reasons =
                [
                    new NotificationMatchReasonDto { Code = "category", Points = 30, MaxPoints = 30, Ja = "見守り訪問の分野", En = "Watch-over visits" },
                    new NotificationMatchReasonDto { Code = "ward", Points = 20, MaxPoints = 20, Ja = "中原区", En = "Nakahara" },
                ],
            },
        },
        new NotificationDto
        {
            Sequence = 3,
            Type = NotificationType.VisitAlert,
            TaskId = null,
            Path = "/Alerts/9",
            BidId = 1,
            ContractId = 2,
            AlertId = 9,
            IsUrgent = true,
            Title = "緊急",
            OccurredAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            IsRead = true,
            ActorUserId = "user-1",
        },
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void TheHubWritesAPushByteForByteAsTheReflectionWriterWithTheSameOptions(NotificationDto payload)
    {
        var options = factory.Services.GetRequiredService<IOptions<JsonHubProtocolOptions>>().Value.PayloadSerializerOptions;
        Assert.Same(HubPayloadJson.Default, options.GetTypeInfo(typeof(NotificationDto)).OriginatingResolver);
        var reflection = new JsonHubProtocolOptions();
        JsonInput.Configure(reflection.PayloadSerializerOptions);

        Assert.Equal(
            Written(new JsonHubProtocol(Options.Create(reflection)), payload),
            Written(new JsonHubProtocol(factory.Services.GetRequiredService<IOptions<JsonHubProtocolOptions>>()), payload));
    }

    [Fact]
    public void EveryOtherTypeIsStillWrittenByReflection()
    {
        var protocol = new JsonHubProtocol(factory.Services.GetRequiredService<IOptions<JsonHubProtocolOptions>>());

        Assert.Contains("\"arguments\":[\"floor 1\",{\"sequence\":5}]", Written(protocol, "floor 1", new { Sequence = 5 }));
    }

    private static string Written(IHubProtocol protocol, params object?[] arguments)
    {
        var buffer = new ArrayBufferWriter<byte>();
        protocol.WriteMessage(new InvocationMessage(HubNotificationSender.ClientMethod, arguments), buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
