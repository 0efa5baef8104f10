using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Matchboard.Web.Infrastructure.Ui;

namespace Matchboard.Web.Infrastructure.Localization;

/// <summary>
/// The messages of the page model binder ("The value 'abc' is not valid for FeeYen.") in the user's language, naming
/// the field by its label on screen (<see cref="FieldLabels"/>) rather than its C# name. A number field gets its own
/// wording (「数字で入力してください。」) through <see cref="NumberFieldMessages"/>. The API binds through minimal APIs,
/// which throw (<c>ThrowOnBadRequest</c>) into the localized <c>bad-request</c> problem instead.
/// </summary>
public sealed class BindingMessages(IStringLocalizerFactory localizers) : IConfigureOptions<MvcOptions>
{
    /// <summary>An echoed value is cut: a page of pasted text is not repeated back in the message.</summary>
    private const int EchoMaxLength = 30;

    public void Configure(MvcOptions options)
    {
        var messages = localizers.Create(typeof(Messages));
        var labels = localizers.Create(typeof(UiText));
        Apply(options.ModelBindingMessageProvider, messages, labels, number: false);
        var forNumbers = new DefaultModelBindingMessageProvider(options.ModelBindingMessageProvider);
        Apply(forNumbers, messages, labels, number: true);
        options.ModelMetadataDetailsProviders.Add(new NumberFieldMessages(forNumbers));
    }

    /// <summary>Sets every accessor; the localizers look up the current UI culture each time a message is made.</summary>
    private static void Apply(DefaultModelBindingMessageProvider provider, IStringLocalizer messages, IStringLocalizer labels, bool number)
    {
        string Label(string field) => FieldLabels.KeyForProperty(field) is { } key ? labels[key].Value : field;

        provider.SetAttemptedValueIsInvalidAccessor((value, field) =>
            messages[number ? "binding.number-for" : "binding.invalid-for", Echo(value), Label(field)]);
        provider.SetNonPropertyAttemptedValueIsInvalidAccessor(value =>
            number ? messages["binding.number"] : messages["binding.invalid", Echo(value)]);
        provider.SetValueIsInvalidAccessor(value => messages["binding.invalid", Echo(value)]);
        provider.SetUnknownValueIsInvalidAccessor(field => messages["binding.unknown-for", Label(field)]);
        provider.SetNonPropertyUnknownValueIsInvalidAccessor(() => messages["binding.unknown"]);
        provider.SetValueMustBeANumberAccessor(field => messages["binding.number-field", Label(field)]);
        provider.SetNonPropertyValueMustBeANumberAccessor(() => messages["binding.number"]);
        provider.SetMissingBindRequiredValueAccessor(field => messages["binding.missing-for", Label(field)]);
        provider.SetMissingKeyOrValueAccessor(() => messages["field.required"]);
        provider.SetMissingRequestBodyRequiredValueAccessor(() => messages["binding.body-missing"]);
        // An empty value for a field that must have one: nothing was entered.
        provider.SetValueMustNotBeNullAccessor(_ => messages["field.required"]);
    }

    private static string Echo(string? value) =>
        value is null ? string.Empty : value.Length <= EchoMaxLength ? value : value[..EchoMaxLength] + "…";

    /// <summary>Gives number properties (int, long, decimal…) the messages that ask for a number.</summary>
    private sealed class NumberFieldMessages(DefaultModelBindingMessageProvider forNumbers) : IBindingMetadataProvider
    {
        public void CreateBindingMetadata(BindingMetadataProviderContext context)
        {
            var type = Nullable.GetUnderlyingType(context.Key.ModelType) ?? context.Key.ModelType;
            if (type.IsPrimitive && type != typeof(bool) && type != typeof(char) || type == typeof(decimal))
            {
                context.BindingMetadata.ModelBindingMessageProvider = forNumbers;
            }
        }
    }
}
