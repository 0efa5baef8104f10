using Matchboard.Web.Features.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Matchboard.Web.Features.Organizations;

/// <summary>Any organization's public record: its released reviews, their average, the replies, its completed work.</summary>
[AllowAnonymous]
public sealed class PublicModel(ReviewService reviews) : PageModel
{
    public OrganizationReviewsDto Record { get; private set; } = null!;

    public async Task OnGetAsync(int id, CancellationToken ct) => Record = await reviews.ForOrganizationAsync(id, ct);
}
