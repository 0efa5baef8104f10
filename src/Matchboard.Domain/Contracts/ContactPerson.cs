namespace Matchboard.Domain.Contracts;

/// <summary>The named person each side gives the other for day-to-day contact (連絡担当者).</summary>
public sealed record ContactPerson(string? Name, string? Phone, string? Email)
{
    public const int NameMaxLength = 100;
    public const int PhoneMaxLength = 30;
    public const int EmailMaxLength = 254;

    internal IReadOnlyList<FieldError> Validate() => new Validation()
        .Text("name", Name, NameMaxLength, singleLine: true)
        .Text("phone", Phone, PhoneMaxLength, singleLine: true)
        .Check(string.IsNullOrWhiteSpace(Phone) || Phone.Trim().All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ' or '(' or ')'), "phone", "invalid-phone")
        .Text("email", Email, EmailMaxLength, singleLine: true)
        .Check(string.IsNullOrWhiteSpace(Email) || IsEmail(Email.Trim()), "email", "invalid-email")
        .Errors;

    internal ContactPerson Normalized() => new(Name?.Trim(), Phone?.Trim(), Email?.Trim());

    private static bool IsEmail(string email)
    {
        var at = email.IndexOf('@');
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);
    }
}
