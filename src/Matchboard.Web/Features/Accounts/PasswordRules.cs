using Matchboard.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Matchboard.Web.Features.Accounts;

/// <summary>
/// Identity's password rules as field errors with language-free codes (Identity's own descriptions are English
/// only): <c>password-too-short</c> with the length, <c>password-requires-digit</c> and so on.
/// </summary>
public static class PasswordRules
{
    public static async Task<IReadOnlyList<FieldError>> CheckAsync(UserManager<ApplicationUser> users, string password, string field)
    {
        var errors = new List<FieldError>();
        var probe = new ApplicationUser();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, probe, password);
            errors.AddRange(result.Errors.Select(e => ToField(e, field, users.Options.Password)));
        }

        return errors.DistinctBy(e => e.Code).ToList();
    }

    private static FieldError ToField(IdentityError error, string field, PasswordOptions options) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => new FieldError(field, "password-too-short", options.RequiredLength),
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => new FieldError(field, "password-requires-digit"),
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => new FieldError(field, "password-requires-lower"),
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => new FieldError(field, "password-requires-upper"),
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => new FieldError(field, "password-requires-symbol"),
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => new FieldError(field, "password-requires-unique-chars", options.RequiredUniqueChars),
        _ => new FieldError(field, "password-weak"),
    };
}
