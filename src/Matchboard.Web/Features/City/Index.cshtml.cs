using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.City;

/// <summary>
/// City staff: the queue of organizations waiting for 市による確認 (the longest waiting first), those set aside
/// (declined or suspended), and the verified groups. Each decision is taken on the organization's own page
/// (/City/Organizations/{id}), after a confirmation step.
/// </summary>
[Authorize(Policy = Policies.CityStaff)]
public sealed class IndexModel(MatchboardDbContext db) : PageModel
{
    public IReadOnlyList<Organization> Waiting { get; private set; } = [];

    public IReadOnlyList<Organization> SetAside { get; private set; } = [];

    public IReadOnlyList<Organization> VerifiedGroups { get; private set; } = [];

    public IReadOnlyDictionary<int, int> DocumentCounts { get; private set; } = new Dictionary<int, int>();

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind != OrganizationKind.CityOffice)
            .OrderBy(o => o.Id)
            .ToListAsync(ct);
        Waiting = organizations.Where(o => o.VerificationStatus is VerificationStatus.Pending or VerificationStatus.InformationRequested).ToList();
        SetAside = organizations.Where(o => o.VerificationStatus is VerificationStatus.Declined or VerificationStatus.Suspended).ToList();
        VerifiedGroups = organizations.Where(o => o.IsCivicGroup && o.IsVerified).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        DocumentCounts = await db.OrganizationDocuments.AsNoTracking()
            .GroupBy(d => d.OrganizationId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}
