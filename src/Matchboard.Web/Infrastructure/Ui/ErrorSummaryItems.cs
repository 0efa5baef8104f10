using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Matchboard.Web.Infrastructure.Ui;

/// <summary>The errors the summary lists, in the order it lists them.</summary>
public static class ErrorSummaryItems
{
    /// <summary>
    /// Errors about the whole page first (they have no field to sit next to), then field errors in
    /// <paramref name="fieldOrder"/>, then any field the order does not name, as ModelState holds them.
    /// </summary>
    public static IReadOnlyList<(string Key, string Message)> Of(ModelStateDictionary modelState, IReadOnlyList<string>? fieldOrder)
    {
        var errors = modelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .SelectMany(e => e.Value!.Errors.Select(error => (e.Key, error.ErrorMessage)))
            .ToList();
        if (fieldOrder is null or { Count: 0 })
        {
            return errors;
        }

        // OrderBy is stable: errors of one field, and fields the order does not name, keep their ModelState order.
        return [.. errors.OrderBy(e => Position(e.Key, fieldOrder))];
    }

    private static int Position(string key, IReadOnlyList<string> fieldOrder)
    {
        if (string.IsNullOrEmpty(key))
        {
            return -1;
        }

        for (var i = 0; i < fieldOrder.Count; i++)
        {
            if (string.Equals(fieldOrder[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return fieldOrder.Count;
    }
}
