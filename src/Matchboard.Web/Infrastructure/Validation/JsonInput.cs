using System.Text.Json;
using System.Text.Json.Serialization;

namespace Matchboard.Web.Infrastructure.Validation;

/// <summary>
/// How the API and the hub read and write JSON: enums by name only (a number such as <c>99</c> is refused,
/// not stored as a state that does not exist), numbers as JSON numbers only (the web defaults would also read
/// <c>"12"</c>, and <c>"NaN"</c> as a double), and times without an offset read as Japan time.
/// One definition, so that the API and the hub cannot drift apart.
/// </summary>
public static class JsonInput
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new JapanDateTimeOffsetConverter());
    }
}
