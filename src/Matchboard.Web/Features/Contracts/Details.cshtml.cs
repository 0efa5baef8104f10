using Matchboard.Domain;
using Matchboard.Domain.Contracts;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Matchboard.Web.Features.Contracts;

/// <summary>One contract: its terms, who has signed, and 契約の確認（署名） for our side.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class DetailsModel(ContractService contracts, IStringLocalizer<Messages> messages, IStringLocalizer<UiText> text) : PageModel
{
    public ContractDto Contract { get; private set; } = null!;

    [BindProperty]
    public bool Agree { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public bool IsAssociation => User.OrganizationId() == Contract.AssociationId;

    public bool IsParty => User.OrganizationId() is { } me && (me == Contract.AssociationId || me == Contract.ProviderId);

    public bool WeHaveSigned => IsAssociation ? Contract.AssociationSignedAt is not null : Contract.ProviderSignedAt is not null;

    public bool CanSign => IsParty && Contract.Status == ContractStatus.PendingSignatures && !WeHaveSigned;

    public async Task OnGetAsync(int id, CancellationToken ct) => Contract = await contracts.GetAsync(id, User, ct);

    public async Task<IActionResult> OnGetStatusAsync(int id, CancellationToken ct)
    {
        Contract = await contracts.GetAsync(id, User, ct);
        return Partial("_ContractStatus", this);
    }

    public async Task<IActionResult> OnPostSignAsync(int id, CancellationToken ct)
    {
        if (!Agree)
        {
            ModelState.AddModelError(nameof(Agree), text["contract.agree-required"]);
            Contract = await contracts.GetAsync(id, User, ct);
            return Page();
        }

        try
        {
            await contracts.SignAsync(id, User, ct);
            Flash = text["flash.signed"];
            return RedirectToPage("/Contracts/Details", new { id });
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, messages);
            Contract = await contracts.GetAsync(id, User, ct);
            return Page();
        }
    }
}
