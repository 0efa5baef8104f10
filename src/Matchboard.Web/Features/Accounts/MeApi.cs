using System.Security.Claims;
using AutoMapper;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Organizations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Accounts;

public sealed record MeDto
{
    public required string UserId { get; init; }

    public required string Email { get; init; }

    public required string DisplayName { get; init; }

    public required OrganizationDto Organization { get; init; }
}

public static class MeApi
{
    public static RouteGroupBuilder MapMeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetMe).RequireAuthorization(Policies.Member).WithTags("Accounts");
        return api;
    }

    private static async Task<Ok<MeDto>> GetMe(
        ClaimsPrincipal principal, UserManager<ApplicationUser> users, MatchboardDbContext db, IMapper mapper, CancellationToken ct)
    {
        var user = await users.GetUserAsync(principal) ?? throw new Infrastructure.ResourceNotFoundException();
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == user.OrganizationId, ct);
        return TypedResults.Ok(new MeDto
        {
            UserId = user.Id,
            Email = user.Email ?? string.Empty,
            DisplayName = user.DisplayName,
            Organization = mapper.Map<OrganizationDto>(organization),
        });
    }
}
