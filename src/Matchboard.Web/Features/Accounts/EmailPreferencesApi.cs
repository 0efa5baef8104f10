using System.Security.Claims;
using Matchboard.Domain.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Matchboard.Web.Features.Accounts;

public sealed record EmailPreferencesDto
{
    /// <summary>The notification types that also come by email. Urgent notifications always do.</summary>
    public required IReadOnlyList<NotificationType> Types { get; init; }
}

/// <summary>Names of <see cref="NotificationType"/>; strings so that an unknown one is a localized 400, not a parse failure.</summary>
public sealed record EmailPreferencesRequest(List<string?>? Types);

public static class EmailPreferencesApi
{
    public static RouteGroupBuilder MapEmailPreferencesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/me/email-preferences").RequireAuthorization(Policies.Member).WithTags("Accounts");
        group.MapGet("/", Get);
        group.MapPut("/", Put);
        return api;
    }

    private static async Task<Ok<EmailPreferencesDto>> Get(
        ClaimsPrincipal user, UserManager<ApplicationUser> users, EmailPreferencesService preferences, CancellationToken ct) =>
        TypedResults.Ok(new EmailPreferencesDto { Types = await preferences.GetAsync(RequiredUserId(user, users), ct) });

    private static async Task<Ok<EmailPreferencesDto>> Put(
        ClaimsPrincipal user, UserManager<ApplicationUser> users, EmailPreferencesService preferences, EmailPreferencesRequest request, CancellationToken ct) =>
        TypedResults.Ok(new EmailPreferencesDto { Types = await preferences.SetAsync(RequiredUserId(user, users), request.Types, ct) });

    private static string RequiredUserId(ClaimsPrincipal user, UserManager<ApplicationUser> users) =>
        users.GetUserId(user) ?? throw new Infrastructure.ResourceNotFoundException();
}
