using System.Security.Claims;
using Matchboard.Domain.Contracts;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Matchboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Visits;

/// <summary>Households, visits and reports are for the two parties of the contract only; city staff included.</summary>
public static class VisitAccess
{
    public static async Task<Contract> LoadForPartyAsync(this MatchboardDbContext db, int contractId, ClaimsPrincipal user, CancellationToken ct)
    {
        var contract = await db.Contracts.Include(c => c.Task).SingleOrDefaultAsync(c => c.Id == contractId, ct)
            ?? throw new ResourceNotFoundException("contract.not-found");
        return user.OrganizationId() is { } me && contract.IsParty(me)
            ? contract
            : throw new ForbiddenAccessException("contract.not-yours");
    }
}
