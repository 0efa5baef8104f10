using Matchboard.Domain;
using Matchboard.Domain.Notifications;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Accounts;

/// <summary>My email settings: which notifications also come by email. Urgent ones always do.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class EmailSettingsModel(
    EmailPreferencesService preferences,
    UserManager<ApplicationUser> users,
    IStringLocalizer<Messages> messages,
    IStringLocalizer<UiText> text) : PageModel
{
    private static readonly Dictionary<string, string> FieldMap = new() { ["types"] = "Input.Types" };

    public string Email { get; private set; } = string.Empty;

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadEmailAsync();
        Input = new SettingsInput { Types = [.. (await preferences.GetAsync(UserId, ct)).Select(t => t.ToString())] };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await preferences.SetAsync(UserId, Input.Types, ct);
            Flash = text["flash.email-settings-saved"];
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages, fieldMap: FieldMap);
            await LoadEmailAsync();
            return Page();
        }
    }

    public static IReadOnlyList<NotificationType> AllTypes { get; } = Enum.GetValues<NotificationType>();

    private string UserId => users.GetUserId(User) ?? throw new Infrastructure.ResourceNotFoundException();

    private async Task LoadEmailAsync() => Email = (await users.GetUserAsync(User))?.Email ?? string.Empty;

    public sealed class SettingsInput
    {
        public List<string?> Types { get; set; } = [];
    }
}
