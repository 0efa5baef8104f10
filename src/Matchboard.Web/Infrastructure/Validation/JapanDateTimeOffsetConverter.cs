using System.Text.Json;
using System.Text.Json.Serialization;
using Matchboard.Domain;

namespace Matchboard.Web.Infrastructure.Validation;

/// <summary>
/// Reads a time without an offset (<c>"2026-05-01T17:00:00"</c>) as Japan time, as a person in Kawasaki means it.
/// System.Text.Json would read it in the server's zone, which in a container is UTC: nine hours off.
/// Times with an offset or <c>Z</c> are read as written; every time is written with its offset.
/// </summary>
public sealed class JapanDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A time is a string.");
        }

        // An offset-less ISO time parses as a DateTime of kind Unspecified; 'Z' gives Utc, an offset Local.
        if (reader.TryGetDateTime(out var wallClock) && wallClock.Kind == DateTimeKind.Unspecified)
        {
            return JapanTime.At(wallClock);
        }

        return reader.TryGetDateTimeOffset(out var instant) ? instant : throw new JsonException("Not an ISO 8601 time.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
