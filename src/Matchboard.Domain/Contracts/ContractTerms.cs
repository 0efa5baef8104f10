namespace Matchboard.Domain.Contracts;

/// <summary>What the association fills in before signing: when it pays, and who insures the work.</summary>
public sealed record ContractTerms(PaymentTiming? PaymentTiming, string? PaymentNote, string? Insurance)
{
    public const int PaymentNoteMaxLength = 500;
    public const int InsuranceMaxLength = 500;

    internal IReadOnlyList<FieldError> Validate() => new Validation()
        .Check(PaymentTiming is null || Enum.IsDefined(PaymentTiming.Value), "paymentTiming", "out-of-range")
        .Check(PaymentTiming is not null, "paymentTiming", "required")
        .Text("paymentNote", PaymentNote, PaymentNoteMaxLength, required: false)
        .Text("insurance", Insurance, InsuranceMaxLength)
        .Errors;

    internal ContractTerms Normalized() => new(PaymentTiming, Blank(PaymentNote), Insurance?.Trim());

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
