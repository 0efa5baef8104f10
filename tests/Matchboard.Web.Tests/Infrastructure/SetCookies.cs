namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>Reads the attributes of the cookies a response sets.</summary>
public static class SetCookies
{
    /// <summary>The Set-Cookie header of the cookie whose name starts with <paramref name="namePrefix"/>.</summary>
    public static string Of(HttpResponseMessage response, string namePrefix)
    {
        var headers = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        return headers.FirstOrDefault(h => h.StartsWith(namePrefix, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No cookie {namePrefix}* was set; cookies: {string.Join(" | ", headers)}");
    }

    /// <summary>Secure (when asked), HttpOnly, and SameSite Lax or Strict.</summary>
    public static void AssertGuarded(HttpResponseMessage response, string namePrefix, bool secure)
    {
        var header = Of(response, namePrefix).ToLowerInvariant();
        var attributes = header.Split(';').Select(a => a.Trim()).ToList();
        Assert.True(attributes.Contains("httponly"), $"{namePrefix} is not HttpOnly: {header}");
        Assert.True(attributes.Contains("samesite=lax") || attributes.Contains("samesite=strict"), $"{namePrefix} is not SameSite Lax or Strict: {header}");
        if (secure)
        {
            Assert.True(attributes.Contains("secure"), $"{namePrefix} is not Secure: {header}");
        }
    }
}
