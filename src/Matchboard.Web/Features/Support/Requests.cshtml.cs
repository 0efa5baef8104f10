using Matchboard.Domain;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Support;

/// <summary>A supporter's requests for help: who asks, for which task, and accept or decline (PRG).</summary>
[Authorize(Policy = Policies.Supporter)]
public sealed class RequestsModel(SupportService support, IStringLocalizer<Messages> messages, IStringLocalizer<UiText> text) : PageModel
{
    public IReadOnlyList<ReceivedSupportRequestDto> Received { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Received = (await support.ListAsync(User, ct)).Received;

    public Task<IActionResult> OnPostAcceptAsync(int requestId, CancellationToken ct) => AnswerAsync(requestId, true, ct);

    public Task<IActionResult> OnPostDeclineAsync(int requestId, CancellationToken ct) => AnswerAsync(requestId, false, ct);

    private async Task<IActionResult> AnswerAsync(int requestId, bool accept, CancellationToken ct)
    {
        try
        {
            await support.AnswerAsync(requestId, accept, User, ct);
            Flash = text[accept ? "support.flash-accepted" : "support.flash-declined"];
            return RedirectToPage("/Support/Requests");
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages, string.Empty, new Dictionary<string, string>());
            Received = (await support.ListAsync(User, ct)).Received;
            return Page();
        }
    }
}
