using Matchboard.Domain;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Directory;

/// <summary>
/// The public directory of civic groups: verified groups only (never unverified or declined ones, associations,
/// the city or individual supporters), with the number of contracts each has completed.
/// </summary>
public sealed class DirectoryService(MatchboardDbContext db, TimeProvider clock)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Far beyond any real directory; keeps the offset from overflowing on a hostile page number.</summary>
    public const int MaxPage = 10_000;

    public async Task<PagedResult<PublicGroupDto>> ListAsync(GroupDirectoryQuery query, CancellationToken ct)
    {
        DomainException.ThrowIfAny(Validate(query));
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? DefaultPageSize;

        var groups = db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.CivicGroup && o.IsVerified);
        if (query.Ward is { } ward)
        {
            groups = groups.Where(o => o.WardsServed.Contains(ward));
        }

        if (query.Category is { } category)
        {
            groups = groups.Where(o => o.Categories.Contains(category));
        }

        var total = await groups.CountAsync(ct);
        var rows = await groups
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(o => new
            {
                Group = o,
                Completed = db.Contracts.Count(c => c.ProviderId == o.Id && c.Status == ContractStatus.Completed),
            })
            .ToListAsync(ct);

        var today = JapanTime.DateOf(clock.GetUtcNow());
        var items = rows.Select(r => new PublicGroupDto(
            r.Group.Id,
            r.Group.Name,
            r.Group.Ward,
            r.Group.LegalForm,
            r.Group.ActivityStyle,
            r.Group.Categories.ToList(),
            r.Group.WardsServed.ToList(),
            DirectoryCertification.StateOf(r.Group.Certification, today),
            r.Completed)).ToList();
        return new PagedResult<PublicGroupDto>(items, total, page, pageSize);
    }

    private static List<FieldError> Validate(GroupDirectoryQuery query)
    {
        var errors = new List<FieldError>();
        if (query.Ward is not null && !Wards.IsKnown(query.Ward))
        {
            errors.Add(new FieldError("ward", "unknown-ward"));
        }

        if (query.Category is not null && !Categories.IsKnown(query.Category))
        {
            errors.Add(new FieldError("category", "unknown-category"));
        }

        if (query.Page is < 1 or > MaxPage)
        {
            errors.Add(new FieldError("page", "out-of-range"));
        }

        if (query.PageSize is < 1 or > MaxPageSize)
        {
            errors.Add(new FieldError("pageSize", "out-of-range"));
        }

        return errors;
    }
}
