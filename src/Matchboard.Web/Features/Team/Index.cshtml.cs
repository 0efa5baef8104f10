using Matchboard.Domain;
using Matchboard.Domain.Teams;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Team;

/// <summary>The team of the signed-in user's organization: members, invitations (send, withdraw), removal by the first member.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(TeamService team, IStringLocalizer<Messages> messages, IStringLocalizer<UiText> text) : PageModel
{
    private static readonly Dictionary<string, string> FieldMap = new() { ["email"] = nameof(Email) };

    public TeamDto Team { get; private set; } = null!;

    [BindProperty]
    public string? Email { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public static int InvitationDays => (int)Invitation.Lifetime.TotalDays;

    public async Task OnGetAsync(CancellationToken ct) => Team = await team.GetAsync(User, ct);

    public Task<IActionResult> OnPostInviteAsync(CancellationToken ct) =>
        ChangeAsync(async () =>
        {
            var sent = await team.InviteAsync(User, Email, ct);
            return text["team.invited", sent.Email];
        }, ct);

    public Task<IActionResult> OnPostRevokeAsync(int invitationId, CancellationToken ct) =>
        ChangeAsync(async () =>
        {
            await team.RevokeAsync(User, invitationId, ct);
            return text["team.revoked"];
        }, ct);

    public Task<IActionResult> OnPostRemoveAsync(string userId, CancellationToken ct) =>
        ChangeAsync(async () =>
        {
            await team.RemoveAsync(User, userId, ct);
            return text["team.removed"];
        }, ct);

    /// <summary>Done: back to the page with what happened. Refused by a rule: the page again, with the reason, nothing changed.</summary>
    private async Task<IActionResult> ChangeAsync(Func<Task<string>> change, CancellationToken ct)
    {
        try
        {
            Flash = await change();
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages, prefix: string.Empty, fieldMap: FieldMap);
            Team = await team.GetAsync(User, ct);
            return Page();
        }
    }
}
