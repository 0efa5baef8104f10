using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Matchboard.Web.Features.Accounts;

/// <summary>
/// Signing out is a POST (with antiforgery); a GET only shows the button. It ends this browser's session on the
/// server, so a copy of the cookie is refused afterwards; the user's other devices stay signed in.
/// </summary>
public sealed class SignOutModel(SignInManager<ApplicationUser> signIn, SessionService sessions) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.FindFirstValue(SessionClaims.SessionId) is { } sessionId && User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            await sessions.EndAsync(sessionId, userId);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
