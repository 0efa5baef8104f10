using Matchboard.Domain;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.City;

/// <summary>City staff: find an account; deactivate it with a reason, reactivate it, or mail it a recovery link.</summary>
[Authorize(Policy = Policies.CityStaff)]
public sealed class AccountsModel(CityAccountService accounts, IStringLocalizer<Messages> messages, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<CityAccountDto> Accounts { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await accounts.ListAsync(Q, ct);

    public Task<IActionResult> OnPostDeactivateAsync(string userId, string? reason, CancellationToken ct) =>
        ChangeAsync(async () => text["cityaccounts.deactivated", (await accounts.DeactivateAsync(User, userId, reason, ct)).Email], ct);

    public Task<IActionResult> OnPostReactivateAsync(string userId, CancellationToken ct) =>
        ChangeAsync(async () => text["cityaccounts.reactivated", (await accounts.ReactivateAsync(User, userId, ct)).Email], ct);

    public Task<IActionResult> OnPostRecoveryAsync(string userId, CancellationToken ct) =>
        ChangeAsync(async () =>
        {
            await accounts.SendRecoveryLinkAsync(User, userId, ct);
            return text["cityaccounts.recovery-sent", (await accounts.GetAsync(userId, ct)).Email];
        }, ct);

    private async Task<IActionResult> ChangeAsync(Func<Task<string>> change, CancellationToken ct)
    {
        try
        {
            Flash = await change();
            return RedirectToPage(new { q = Q });
        }
        catch (DomainException ex)
        {
            if (ex.Kind == DomainErrorKind.Invalid)
            {
                // The reason's own message, above the list (each account's form has its own reason field).
                foreach (var error in ex.Errors)
                {
                    ModelState.AddModelError(string.Empty, text["cityaccounts.reason"] + ": " + Infrastructure.Localization.FieldMessages.For(messages, error));
                }
            }
            else
            {
                ModelState.AddDomainError(ex, messages);
            }

            Accounts = await accounts.ListAsync(Q, ct);
            return Page();
        }
    }
}
