namespace Matchboard.Web.Features.Accounts;

/// <summary>
/// One sign-in: a browser's cookie or an API client's tokens. Every cookie and token names its session, and
/// is refused once the session has ended (sign-out, sign-out everywhere, a reused refresh token).
/// </summary>
public sealed class UserSession
{
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public SessionKind Kind { get; init; }

    /// <summary>The one refresh token of a bearer session that may still be used; a new one replaces it at every refresh.</summary>
    public string? RefreshTokenId { get; set; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; set; }
}

public enum SessionKind
{
    Cookie,
    Bearer,
}
