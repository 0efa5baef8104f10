using System.Globalization;
using System.Text;

namespace Matchboard.Domain;

/// <summary>Collects field errors so that every wrong field is reported at once.</summary>
internal sealed class Validation
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    /// <summary>
    /// The one rule for every text a user writes. Text with nothing visible (spaces, zero-width characters,
    /// lone combining marks) counts as missing. Controls are refused (line breaks and tabs only where
    /// <paramref name="singleLine"/> is false), and so are bidirectional overrides and isolates, which can make
    /// stored text read differently from what it is, and unpaired surrogates, which are no text at all.
    /// </summary>
    public Validation Text(string field, string? value, int maxLength, bool required = true, bool singleLine = false)
    {
        if (value is null || !HasVisibleCharacter(value))
        {
            if (required)
            {
                Add(field, "required");
            }
            else if (!string.IsNullOrWhiteSpace(value))
            {
                // Zero-width characters alone are not an empty optional field to be dropped: they are no text.
                Add(field, "no-visible-text");
            }
        }
        else if (value.Length > maxLength)
        {
            Add(field, "too-long", maxLength);
        }
        else if (HasForbiddenCharacter(value, singleLine))
        {
            Add(field, "control-characters");
        }

        return this;
    }

    /// <summary>Adds the code unless the field already has an error; <paramref name="limit"/> is the bound the condition checks, for the message.</summary>
    public Validation Check(bool condition, string field, string code, long? limit = null)
    {
        if (!condition && _errors.All(e => e.Field != field))
        {
            Add(field, code, limit);
        }

        return this;
    }

    /// <summary>A day the app can reason about (see <see cref="DateBounds"/>); <paramref name="value"/> null is left to the caller.</summary>
    public Validation Date(string field, DateOnly? value) =>
        Check(value is null || DateBounds.Contains(value.Value), field, "out-of-range");

    /// <summary>An instant the app can reason about (see <see cref="DateBounds"/>); <paramref name="value"/> null is left to the caller.</summary>
    public Validation Date(string field, DateTimeOffset? value) =>
        Check(value is null || DateBounds.Contains(value.Value), field, "out-of-range");

    internal static bool HasVisibleCharacter(string value)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                continue;
            }

            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.EnclosingMark:
                case UnicodeCategory.Surrogate:
                    continue;
                default:
                    // U+FFFD also stands for an unpaired surrogate; U+3164 and U+115F/U+1160 are blank fillers.
                    if (rune.Value is 0xFFFD or 0x3164 or 0x115F or 0x1160 or 0xFFA0)
                    {
                        continue;
                    }

                    return true;
            }
        }

        return false;
    }

    internal static bool HasForbiddenCharacter(string value, bool singleLine)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c)
                || (char.IsControl(c) && (singleLine || c is not ('\n' or '\r' or '\t')))
                || c is >= '\u202A' and <= '\u202E'
                || c is >= '\u2066' and <= '\u2069')
            {
                return true;
            }
        }

        return false;
    }

    private void Add(string field, string code, long? limit = null) => _errors.Add(new FieldError(field, code, limit));
}
