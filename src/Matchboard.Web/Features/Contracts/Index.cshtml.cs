using Matchboard.Domain.Contracts;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Contracts;

/// <summary>The contracts the user's organization is a party to; those waiting for our signature first.</summary>
[Authorize(Policy = Policies.Marketplace)]
public sealed class IndexModel(MatchboardDbContext db) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetListAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Partial("_ContractList", this);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = User.RequiredOrganizationId();
        var rows = await db.Contracts.AsNoTracking()
            .Where(c => c.AssociationId == me || c.ProviderId == me)
            .OrderByDescending(c => c.Id)
            .Select(c => new Row(
                c.Id, c.TaskId, c.Task!.Title, c.Association!.Name, c.Provider!.Name, c.AmountYen, c.Status,
                c.AssociationId == me ? c.AssociationSignedAt != null : c.ProviderSignedAt != null))
            .ToListAsync(ct);
        Rows = rows.OrderBy(r => r.Status == ContractStatus.PendingSignatures && !r.SignedByUs ? 0 : 1).ToList();
    }

    public sealed record Row(
        int Id, int TaskId, string TaskTitle, string AssociationName, string ProviderName, long AmountYen,
        ContractStatus Status, bool SignedByUs)
    {
        public bool NeedsOurSignature => Status == ContractStatus.PendingSignatures && !SignedByUs;
    }
}
