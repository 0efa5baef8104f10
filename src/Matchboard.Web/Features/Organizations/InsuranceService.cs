using System.Security.Claims;
using Matchboard.Domain;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Organizations;

/// <summary>
/// A civic group's insurance declaration (API and profile page), and how many contracts occupy a group against its
/// capacity (for the bid warning and the association's comparison). The rules are the domain's.
/// </summary>
public sealed class InsuranceService(MatchboardDbContext db, TimeProvider clock)
{
    public async Task<InsuranceDto> GetAsync(ClaimsPrincipal user, CancellationToken ct) =>
        ToDto(await LoadGroupAsync(user.RequiredOrganizationId(), tracking: false, ct));

    /// <summary>Declares (or replaces) the group's insurance through the domain's guarded transition; a refusal saves nothing.</summary>
    public async Task<InsuranceDto> DeclareAsync(ClaimsPrincipal user, InsuranceRequest request, CancellationToken ct) =>
        await DeclareAsync(user.RequiredOrganizationId(), request, ct);

    public async Task<InsuranceDto> DeclareAsync(int organizationId, InsuranceRequest request, CancellationToken ct)
    {
        var group = await LoadGroupAsync(organizationId, tracking: true, ct);
        group.DeclareInsurance(request.Insurer, request.PolicyNumber, request.ValidUntil, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return ToDto(group);
    }

    /// <summary>The contracts that count against each group's capacity (<see cref="ContractCapacity"/>), by group id.</summary>
    public async Task<Dictionary<int, int>> OccupyingContractsAsync(IReadOnlyCollection<int> groupIds, CancellationToken ct) =>
        await db.Contracts.AsNoTracking()
            .Where(c => groupIds.Contains(c.ProviderId) && ContractCapacity.Occupying.Contains(c.Status))
            .GroupBy(c => c.ProviderId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    /// <summary>Whether the group is at capacity now (the domain's rule over its occupying contracts).</summary>
    public async Task<bool> IsAtCapacityAsync(Organization group, CancellationToken ct) =>
        group.IsAtCapacity(await db.Contracts.CountAsync(
            c => c.ProviderId == group.Id && ContractCapacity.Occupying.Contains(c.Status), ct));

    private InsuranceDto ToDto(Organization group) => group.Insurance is { } insurance
        ? new InsuranceDto
        {
            Declared = true,
            Insurer = insurance.Insurer,
            PolicyNumber = insurance.PolicyNumber,
            ValidUntil = insurance.ValidUntil,
            DeclaredAt = insurance.DeclaredAt,
            CoversToday = group.IsInsuredOn(JapanTime.DateOf(clock.GetUtcNow())),
        }
        : new InsuranceDto();

    private async Task<Organization> LoadGroupAsync(int organizationId, bool tracking, CancellationToken ct)
    {
        var query = tracking ? db.Organizations : db.Organizations.AsNoTracking();
        // Any kind is loaded: the domain refuses a declaration by anything but a civic group (the API's policy already does).
        return await query.SingleOrDefaultAsync(o => o.Id == organizationId, ct)
            ?? throw new ResourceNotFoundException("organization.not-found");
    }
}
