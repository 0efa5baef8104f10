namespace Matchboard.Web.Features.Accounts;

/// <summary>Claims that tie a cookie or token to its <see cref="UserSession"/>.</summary>
public static class SessionClaims
{
    public const string SessionId = "matchboard:session";

    /// <summary>In bearer tokens only: which refresh token of the session this pair came with.</summary>
    public const string RefreshTokenId = "matchboard:refresh";
}
