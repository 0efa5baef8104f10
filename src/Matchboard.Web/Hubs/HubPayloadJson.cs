using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Matchboard.Web.Features.Notifications;
using Matchboard.Web.Infrastructure.Validation;

namespace Matchboard.Web.Hubs;

/// <summary>
/// Source-generated metadata for what the hub pushes, so that a new task's thousand notifications (each its own
/// payload: its score, reasons and sequence) are written without reflection-built metadata. Only the metadata comes
/// from here: names, enums and times still follow the hub's options (camelCase, <see cref="JsonInput"/>'s converters),
/// so the bytes on the wire are the same as before (<c>HubPayloadJsonTests</c>).
/// </summary>
[JsonSerializable(typeof(NotificationDto))]
public sealed partial class HubPayloadJson : JsonSerializerContext
{
    /// <summary>Puts this metadata first in <paramref name="options"/>' resolvers; every other type keeps reflection.</summary>
    public static void AddTo(JsonSerializerOptions options) =>
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(Default, options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver());
}
