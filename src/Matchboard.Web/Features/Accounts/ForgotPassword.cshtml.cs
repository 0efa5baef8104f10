using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Accounts;

/// <summary>
/// A forgotten password, from the sign-in page: the address gets a reset link if it has an account. The page
/// answers the same either way, so it never tells which addresses exist. Rate-limited per address (RateLimits.SignUps).
/// </summary>
public sealed class ForgotPasswordModel(PasswordResetService resets, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), text["signin.email-required"]);
            return Page();
        }

        await resets.RequestAsync(Email, ct);
        Sent = true;
        return Page();
    }
}
