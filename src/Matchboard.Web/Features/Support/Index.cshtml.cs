using Matchboard.Domain;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Support;

/// <summary>
/// An association's supporters page: the verified individual supporters in its ward (ward and categories only), a
/// request for help with one of its tasks, and the requests it has sent (name and contact once accepted). PRG.
/// </summary>
[Authorize(Policy = Policies.Officer)]
public sealed class IndexModel(SupportService support, MatchboardDbContext db, IStringLocalizer<Messages> messages, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    public IReadOnlyList<NearbySupporterDto> Supporters { get; private set; } = [];

    public IReadOnlyList<SentSupportRequestDto> Sent { get; private set; } = [];

    /// <summary>Our published tasks that are not cancelled: the ones a supporter can be asked to help with.</summary>
    public IReadOnlyList<(int Id, string Title)> Tasks { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSendAsync(int supporterId, int? taskId, string? message, CancellationToken ct)
    {
        try
        {
            await support.SendAsync(new SendSupportRequest { SupporterId = supporterId, TaskId = taskId, Message = message }, User, ct);
            Flash = text["support.flash-sent"];
            return RedirectToPage("/Support/Index");
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages, string.Empty, new Dictionary<string, string> { ["taskId"] = $"task-{supporterId}", ["message"] = $"message-{supporterId}" });
            await LoadAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int requestId, CancellationToken ct)
    {
        try
        {
            await support.WithdrawAsync(requestId, User, ct);
            Flash = text["support.flash-withdrawn"];
            return RedirectToPage("/Support/Index");
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages, string.Empty, new Dictionary<string, string>());
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Category = Categories.IsKnown(Category) ? Category : null;
        Supporters = await support.ListNearbyAsync(Category, User, ct);
        Sent = (await support.ListAsync(User, ct)).Sent;
        var me = User.RequiredOrganizationId();
        Tasks = (await db.Tasks.AsNoTracking()
                .Where(t => t.AssociationId == me && t.PublishedAt != null && t.Status != CommunityTaskStatus.Cancelled)
                .OrderByDescending(t => t.Id)
                .Select(t => new { t.Id, t.Title })
                .ToListAsync(ct))
            .Select(t => (t.Id, t.Title)).ToList();
    }
}
