using Matchboard.Domain;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Team;

/// <summary>
/// Opened from an invitation mail: the invited person chooses a name and a password, joins the inviting
/// organization and is signed in. A used, withdrawn, expired or unknown link shows why and no form.
/// </summary>
public sealed class JoinModel(
    TeamService team, SessionService sessions, IStringLocalizer<Messages> messages, IStringLocalizer<UiText> text) : PageModel
{
    private static readonly Dictionary<string, string> FieldMap = new() { ["displayName"] = nameof(DisplayName), ["password"] = nameof(Password) };

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public InvitationPreview? Invitation { get; private set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Invitation = await team.PreviewAsync(Token, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Invitation = await team.PreviewAsync(Token, ct);
        if (Invitation is null)
        {
            return Page();
        }

        if (Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), text["setpassword.mismatch"]);
            return Page();
        }

        try
        {
            var user = await team.AcceptAsync(Token, DisplayName, Password, ct);
            await sessions.SignInWithCookieAsync(user);
            Flash = text["invite-join.done", Invitation.OrganizationName];
            return LocalRedirect("/Team");
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages, prefix: string.Empty, fieldMap: FieldMap);
            Invitation = await team.PreviewAsync(Token, ct);
            return Page();
        }
        catch (ResourceNotFoundException)
        {
            Invitation = null;
            return Page();
        }
    }
}
