using Matchboard.Domain;
using Matchboard.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Infrastructure.Ui;

public static class ModelStateExtensions
{
    /// <summary>
    /// Puts a domain error into ModelState in the user's language: field errors next to their field
    /// (<paramref name="prefix"/> + the field name in PascalCase, or a key from <paramref name="fieldMap"/>),
    /// anything else in the summary at the top. A field the model binder already refused keeps the binder's message.
    /// </summary>
    public static void AddDomainError(
        this ModelStateDictionary modelState,
        DomainException exception,
        IStringLocalizer<Messages> messages,
        string prefix = "Input.",
        IReadOnlyDictionary<string, string>? fieldMap = null)
    {
        if (exception.Kind != DomainErrorKind.Invalid)
        {
            modelState.AddModelError(string.Empty, messages[$"error.{exception.Code}"]);
            return;
        }

        foreach (var error in exception.Errors)
        {
            var key = fieldMap is not null && fieldMap.TryGetValue(error.Field, out var mapped)
                ? mapped
                : prefix + char.ToUpperInvariant(error.Field[0]) + error.Field[1..];
            // A value the binder could not read already says so; the domain's "required" for it would only repeat it.
            if (modelState.TryGetValue(key, out var entry) && entry.ValidationState == ModelValidationState.Invalid)
            {
                continue;
            }

            modelState.AddModelError(key, FieldMessages.For(messages, error));
        }
    }
}
