using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Organizations;

/// <summary>
/// Any organization's public record: its released reviews, their average, the replies, its completed work, and for
/// a civic group the city's mark as it stands today.
/// </summary>
[AllowAnonymous]
public sealed class PublicModel(ReviewService reviews, MatchboardDbContext db) : PageModel
{
    public OrganizationReviewsDto Record { get; private set; } = null!;

    public bool IsCivicGroup { get; private set; }

    public CertificationDto? Certification { get; private set; }

    public async Task OnGetAsync(int id, CancellationToken ct)
    {
        Record = await reviews.ForOrganizationAsync(id, ct);
        var group = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == id && o.Kind == OrganizationKind.CivicGroup)
            .Select(o => new { o.Certification })
            .SingleOrDefaultAsync(ct);
        IsCivicGroup = group is not null;
        Certification = CertificationDto.Of(group?.Certification);
    }
}
