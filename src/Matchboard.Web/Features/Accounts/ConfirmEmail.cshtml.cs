using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Matchboard.Web.Features.Accounts;

/// <summary>
/// The confirmation mail's link. Opening it shows one button; confirming is the POST, so that a mail scanner that
/// follows links does not confirm for the person. A used, expired or forged link says so and changes nothing.
/// </summary>
public sealed class ConfirmEmailModel(UserManager<ApplicationUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool Confirmed { get; private set; }

    public bool LinkRefused { get; private set; }

    public void OnGet() => LinkRefused = string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Code);

    public async Task<IActionResult> OnPostAsync()
    {
        var user = string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Code) ? null : await users.FindByIdAsync(UserId);
        if (user is not null && user.EmailConfirmed)
        {
            Confirmed = true;
            return Page();
        }

        var result = user is null ? null : await users.ConfirmEmailAsync(user, Code!);
        Confirmed = result?.Succeeded == true;
        LinkRefused = !Confirmed;
        if (LinkRefused)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
