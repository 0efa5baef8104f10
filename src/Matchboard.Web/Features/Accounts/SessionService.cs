using System.Security.Claims;
using Matchboard.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Features.Accounts;

/// <summary>
/// Starts, checks and ends <see cref="UserSession"/>s: a cookie or a pair of tokens is good only while its session
/// is open and the user's security stamp is the one it was issued with.
/// </summary>
public sealed class SessionService(MatchboardDbContext db, SignInManager<ApplicationUser> signIn, TimeProvider time)
{
    /// <summary>Signs a browser in: the cookie names a new session, which the sign-out page ends.</summary>
    public async Task SignInWithCookieAsync(ApplicationUser user)
    {
        var session = await StartAsync(user.Id, SessionKind.Cookie);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SessionClaims.SessionId, session.Id)]);
    }

    /// <summary>Starts a bearer session and writes its first access and refresh tokens as the response.</summary>
    public async Task IssueFirstTokensAsync(ApplicationUser user)
    {
        var session = await StartAsync(user.Id, SessionKind.Bearer);
        await IssueTokensAsync(user, session.Id, session.RefreshTokenId!);
    }

    /// <summary>Writes the token response (<c>{tokenType, accessToken, expiresIn, refreshToken}</c>) for this session's current refresh token.</summary>
    public async Task IssueTokensAsync(ApplicationUser user, string sessionId, string refreshTokenId)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(SessionClaims.SessionId, sessionId));
        identity.AddClaim(new Claim(SessionClaims.RefreshTokenId, refreshTokenId));
        await signIn.Context.SignInAsync(IdentityConstants.BearerScheme, principal);
    }

    /// <summary>
    /// Swaps the session's refresh token for a new one, once: of two requests with the same token only one wins
    /// (a conditional update). A token that was already swapped is a copy in someone else's hands, so its session ends.
    /// </summary>
    public async Task<string?> RotateAsync(string sessionId, string userId, string refreshTokenId)
    {
        var next = Guid.NewGuid().ToString();
        var swapped = await db.UserSessions
            .Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null && s.RefreshTokenId == refreshTokenId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RefreshTokenId, next));
        if (swapped == 1)
        {
            return next;
        }

        await EndAsync(sessionId, userId);
        return null;
    }

    public async Task<bool> IsOpenAsync(ClaimsPrincipal principal, string securityStampClaimType)
    {
        var sessionId = principal.FindFirstValue(SessionClaims.SessionId);
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal.FindFirstValue(securityStampClaimType);
        if (sessionId is null || userId is null)
        {
            return false;
        }

        return await db.UserSessions.AnyAsync(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null
            && db.Users.Any(u => u.Id == userId && u.SecurityStamp == stamp && u.DeactivatedAt == null));
    }

    public Task EndAsync(string sessionId, string userId)
    {
        var now = time.GetUtcNow();
        return db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now));
    }

    /// <summary>Ends every session of the user, and changes the security stamp so that nothing issued before still counts.</summary>
    public async Task EndAllAsync(ApplicationUser user)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.UserSessions.Where(s => s.UserId == user.Id && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now));
        var result = await signIn.UserManager.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The security stamp could not be changed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }

        await transaction.CommitAsync();
    }

    /// <summary>
    /// Ends every open session of the user inside the caller's transaction (a deactivation or a removal): with the
    /// security stamp the caller changed in the same transaction, no cookie or token of the user works any more.
    /// </summary>
    public Task EndAllSessionsAsync(string userId)
    {
        var now = time.GetUtcNow();
        return db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now));
    }

    private async Task<UserSession> StartAsync(string userId, SessionKind kind)
    {
        var session = new UserSession
        {
            Id = Guid.NewGuid().ToString(),
            UserId = userId,
            Kind = kind,
            RefreshTokenId = kind == SessionKind.Bearer ? Guid.NewGuid().ToString() : null,
            StartedAt = time.GetUtcNow(),
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        return session;
    }
}
