using System.Security.Claims;
using Matchboard.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Matchboard.Web.Features.Accounts;

public sealed record LoginRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record ForgotPasswordRequest(string? Email);

public sealed record ResetPasswordRequest(string? Email, string? Token, string? Password);

/// <summary>
/// The app's own sign-in API under <c>/api/auth</c>: login (tokens), refresh (single use, rotated), logout and
/// logout-everywhere, forgot-password and reset-password (<see cref="PasswordResetService"/>). Identity's ready-made
/// endpoints (register, manage/2fa, email confirmation) are not mapped: every account is made for an organization
/// (<c>POST /api/registrations</c>), and the pages have no second factor, so a half-supported endpoint would only be
/// a way in (a stolen token switching on 2FA would shut the user out).
/// </summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Accounts");
        auth.MapPost("/login", Login)
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/refresh", Refresh)
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/logout", Logout).RequireAuthorization(Policies.Member);
        auth.MapPost("/logout-everywhere", LogoutEverywhere).RequireAuthorization(Policies.Member);
        auth.MapPost("/forgot-password", ForgotPassword)
            .RequireRateLimiting(RateLimits.SignUps)
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/reset-password", ResetPassword)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext http, SignInAttempts attempts, SessionService sessions, IStringLocalizer<Messages> messages)
    {
        var outcome = await attempts.CheckAsync(request.Email, request.Password, http.Connection.RemoteIpAddress);
        switch (outcome.Verdict)
        {
            case SignInVerdict.Throttled:
                http.Response.Headers.RetryAfter = outcome.RetryAfterSeconds;
                return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, detail: messages["auth.throttled"]);
            case SignInVerdict.Refused:
                return Refused(messages);
            default:
                await sessions.IssueFirstTokensAsync(outcome.User!);
                return TypedResults.Empty;
        }
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Refresh(
        RefreshRequest request, IOptionsMonitor<BearerTokenOptions> bearer, SignInManager<ApplicationUser> signIn,
        SessionService sessions, TimeProvider time, IStringLocalizer<Messages> messages)
    {
        var ticket = string.IsNullOrEmpty(request.RefreshToken)
            ? null
            : bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || ticket.Principal.FindFirstValue(SessionClaims.SessionId) is not { } sessionId
            || ticket.Principal.FindFirstValue(SessionClaims.RefreshTokenId) is not { } refreshTokenId
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || await sessions.RotateAsync(sessionId, user.Id, refreshTokenId) is not { } next)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: messages["auth.session-ended"]);
        }

        await sessions.IssueTokensAsync(user, sessionId, next);
        return TypedResults.Empty;
    }

    /// <summary>Ends the caller's own session: its refresh token and access token (or cookie) stop working.</summary>
    private static async Task<NoContent> Logout(ClaimsPrincipal principal, SessionService sessions)
    {
        if (principal.FindFirstValue(SessionClaims.SessionId) is { } sessionId && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            await sessions.EndAsync(sessionId, userId);
        }

        return TypedResults.NoContent();
    }

    /// <summary>Ends every session of the caller, on every device, cookies and tokens alike.</summary>
    private static async Task<NoContent> LogoutEverywhere(ClaimsPrincipal principal, UserManager<ApplicationUser> users, SessionService sessions)
    {
        var user = await users.GetUserAsync(principal) ?? throw new ResourceNotFoundException();
        await sessions.EndAllAsync(user);
        return TypedResults.NoContent();
    }

    /// <summary>202 whether or not the address has an account: the answer never tells which addresses exist.</summary>
    private static async Task<Accepted> ForgotPassword(ForgotPasswordRequest request, PasswordResetService resets, CancellationToken ct)
    {
        await resets.RequestAsync(request.Email, ct);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>The mailed link's email and token with the new password; every session of the account ends.</summary>
    private static async Task<NoContent> ResetPassword(ResetPasswordRequest request, PasswordResetService resets)
    {
        await resets.ResetAsync(request.Email, request.Token, request.Password);
        return TypedResults.NoContent();
    }

    /// <summary>The one answer for a wrong email, a wrong password and a locked account.</summary>
    private static ProblemHttpResult Refused(IStringLocalizer<Messages> messages) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: messages["auth.failed"]);
}
