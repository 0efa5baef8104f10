using System.Globalization;
using Matchboard.Domain;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Infrastructure.Localization;

/// <summary>
/// The one place a field error becomes words, for the API's problem details and the pages alike. A code that
/// carries its limit (「長すぎます」 from <c>Validation.Text</c>) uses the <c>field.{code}.limit</c> message, which
/// states it: 「100文字以内で入力してください。」 tells the writer how much to cut.
/// </summary>
public static class FieldMessages
{
    public static string For(IStringLocalizer<Messages> messages, FieldError error)
    {
        if (error.Limit is { } limit)
        {
            var withLimit = messages[$"field.{error.Code}.limit", limit.ToString("N0", CultureInfo.CurrentCulture)];
            if (!withLimit.ResourceNotFound)
            {
                return withLimit.Value;
            }
        }

        return messages[$"field.{error.Code}"].Value;
    }
}
