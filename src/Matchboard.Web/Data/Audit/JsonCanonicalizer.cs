using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Matchboard.Web.Data.Audit;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme (JCS): members sorted by their names' UTF-16 code units, no whitespace,
/// strings with only the escapes JSON requires, numbers as ECMAScript prints a double. The audit chain hashes
/// this form, so anyone can recompute an entry's hash from its JSON with any JCS implementation.
/// </summary>
public static class JsonCanonicalizer
{
    public static string Canonicalize(string json) => Canonicalize(JsonNode.Parse(json));

    public static string Canonicalize(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    WriteString(builder, name);
                    builder.Append(':');
                    Write(builder, value);
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(builder, array[i]);
                }

                builder.Append(']');
                break;
            case JsonValue value:
                WriteValue(builder, value);
                break;
        }
    }

    private static void WriteValue(StringBuilder builder, JsonValue value)
    {
        var element = JsonSerializer.SerializeToElement(value);
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                WriteString(builder, element.GetString()!);
                break;
            case JsonValueKind.Number:
                builder.Append(FormatNumber(element.GetDouble()));
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    /// <summary>ECMAScript's Number::toString for a finite double (RFC 8785 section 3.2.2.3).</summary>
    public static string FormatNumber(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentException("JSON has no NaN or Infinity.", nameof(value));
        }

        if (value == 0)
        {
            return "0";
        }

        var negative = value < 0;
        // "R" gives the shortest digits that read back as the same double, as ECMAScript requires.
        var roundTrip = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var (digits, exponent) = DigitsOf(roundTrip);

        // value = 0.digits × 10^n, with n = exponent + 1 (ECMAScript's n).
        var k = digits.Length;
        var n = exponent + 1;
        string text;
        if (k <= n && n <= 21)
        {
            text = digits + new string('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            text = digits[..n] + "." + digits[n..];
        }
        else if (-6 < n && n <= 0)
        {
            text = "0." + new string('0', -n) + digits;
        }
        else
        {
            var e = n - 1;
            var sign = e < 0 ? "-" : "+";
            text = (k == 1 ? digits : digits[..1] + "." + digits[1..]) + "e" + sign + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        }

        return negative ? "-" + text : text;
    }

    /// <summary>The significant digits (no leading or trailing zeros) and the decimal exponent of the first digit.</summary>
    private static (string Digits, int Exponent) DigitsOf(string roundTrip)
    {
        var exponent = 0;
        var mantissa = roundTrip;
        var e = roundTrip.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(roundTrip[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = roundTrip[..e];
        }

        var point = mantissa.IndexOf('.');
        var integerPart = point >= 0 ? mantissa[..point] : mantissa;
        var fraction = point >= 0 ? mantissa[(point + 1)..] : string.Empty;
        var all = integerPart + fraction;
        var leading = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        // The first digit's power of ten: the integer part's length, less the zeros before it, less one.
        exponent += integerPart.Length - 1 - leading;
        return (digits, exponent);
    }
}
