using System.Security.Claims;
using AutoMapper;
using Matchboard.Domain;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Notifications;

public static class NotificationsApi
{
    private const int MaxPage = 200;

    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").RequireAuthorization(Policies.Member).WithTags("Notifications");
        group.MapGet("/", List);
        group.MapPost("/read", MarkRead);
        return api;
    }

    /// <summary>
    /// The caller's organization's notifications with a sequence above <paramref name="after"/>, oldest first, at most
    /// <paramref name="take"/> (200 at most). <c>hasMore</c> says another page follows: ask again with the last sequence
    /// received. Sequences are the organization's own (1, 2, 3… in commit order), so a client that has seen everything
    /// up to N misses nothing by asking for "after N".
    /// </summary>
    private static async Task<Ok<NotificationPageDto>> List(
        ClaimsPrincipal user, MatchboardDbContext db, IMapper mapper, long? after, int? take, CancellationToken ct)
    {
        var organizationId = user.RequiredOrganizationId();
        var size = Math.Clamp(take ?? MaxPage, 1, MaxPage);
        var mine = db.Notifications.AsNoTracking().Where(n => n.OrganizationId == organizationId);
        // One more than the page: if it comes back, more remain.
        var items = await mine
            .Where(n => n.Sequence > (after ?? 0))
            .OrderBy(n => n.Sequence)
            .Take(size + 1)
            .ToListAsync(ct);
        var unread = await mine.CountAsync(n => !n.IsRead, ct);
        return TypedResults.Ok(new NotificationPageDto { Items = mapper.Map<List<NotificationDto>>(items.Take(size).ToList()), Unread = unread, HasMore = items.Count > size });
    }

    private static async Task<NoContent> MarkRead(
        ClaimsPrincipal user, MatchboardDbContext db, MarkReadRequest request, CancellationToken ct)
    {
        var organizationId = user.RequiredOrganizationId();
        // Sequences start at 1: a negative mark is no mark, not "nothing".
        DomainException.ThrowIfAny(request.UpTo is < 0 ? [new FieldError("upTo", "negative")] : []);
        await db.Notifications
            .Where(n => n.OrganizationId == organizationId && !n.IsRead && n.Sequence <= (request.UpTo ?? long.MaxValue))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.IsRead, true), ct);
        return TypedResults.NoContent();
    }
}
