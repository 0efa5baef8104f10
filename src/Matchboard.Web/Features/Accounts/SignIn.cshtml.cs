using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Accounts;

public sealed class SignInModel(SignInAttempts attempts, SessionService sessions, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), text["signin.email-required"]);
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), text["signin.password-required"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await attempts.CheckAsync(Email, Password, HttpContext.Connection.RemoteIpAddress);
        switch (outcome.Verdict)
        {
            case SignInVerdict.SignedIn:
                await sessions.SignInWithCookieAsync(outcome.User!);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInVerdict.Throttled:
                // The page still answers 429, so that scripts and proxies see the limit as the API's clients do.
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = outcome.RetryAfterSeconds;
                ModelState.AddModelError(string.Empty, text["signin.throttled"]);
                return Page();
            default:
                // One message for a wrong email, a wrong password and a locked account: it must not tell which emails exist.
                ModelState.AddModelError(string.Empty, text["signin.failed"]);
                return Page();
        }
    }
}
