using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Accounts;

/// <summary>
/// Opened from the one-time link that <c>admin add-city-staff</c> prints. The token is Identity's password-reset
/// token: setting the password changes the security stamp, so the same link is refused afterwards. Also answers
/// <c>/Accounts/ResetPassword</c>, the forgotten-password mail's link (<see cref="AccountMail"/>): the link came by
/// mail, so it confirms the address too, and every other session of the account ends.
/// </summary>
public sealed class SetPasswordModel(UserManager<ApplicationUser> users, SessionService sessions, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    /// <summary>False for a used, expired or forged link: the page says so and shows no form.</summary>
    public bool LinkWorks { get; private set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync() => LinkWorks = await UserOfLinkAsync() is not null;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await UserOfLinkAsync();
        LinkWorks = user is not null;
        if (user is null)
        {
            ModelState.AddModelError(string.Empty, text["setpassword.link-refused"]);
            return Page();
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), text["setpassword.password-required"]);
        }
        else if (Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), text["setpassword.mismatch"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Identity's own password rules (length, digits, symbols…) answer here, in the user's language.
        var result = await users.ResetPasswordAsync(user, Token!, Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(Password), PasswordRule(error));
            }

            return Page();
        }

        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }

        await sessions.EndAllAsync(user);
        Flash = text["setpassword.done"];
        return RedirectToPage("/Accounts/SignIn");
    }

    private async Task<ApplicationUser?> UserOfLinkAsync()
    {
        if (string.IsNullOrEmpty(Email) || string.IsNullOrEmpty(Token) || await users.FindByEmailAsync(Email) is not { } user)
        {
            return null;
        }

        var valid = await users.VerifyUserTokenAsync(
            user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, Token);
        return valid ? user : null;
    }

    private string PasswordRule(IdentityError error)
    {
        var localized = text[$"setpassword.rule.{error.Code}", users.Options.Password.RequiredLength, users.Options.Password.RequiredUniqueChars];
        return localized.ResourceNotFound ? error.Description : localized.Value;
    }
}
