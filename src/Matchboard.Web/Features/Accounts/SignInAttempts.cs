using System.Net;
using Microsoft.AspNetCore.Identity;

namespace Matchboard.Web.Features.Accounts;

public enum SignInVerdict
{
    SignedIn,
    Refused,
    Throttled,
}

public sealed record SignInOutcome(SignInVerdict Verdict, ApplicationUser? User = null, TimeSpan RetryAfter = default)
{
    /// <summary>The <c>Retry-After</c> header value: whole seconds, at least one.</summary>
    public string RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// One password check for the API and the sign-in page. A wrong email, a wrong password, a locked account and an
/// address locked out of this account all end the same way (<see cref="SignInVerdict.Refused"/>), after the same
/// work: an unknown email still costs a password hash, so the answer's timing does not tell which emails exist.
/// </summary>
public sealed class SignInAttempts(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, SignInThrottle throttle, SignInFailures failures)
{
    private static string? s_decoyHash;

    public async Task<SignInOutcome> CheckAsync(string? email, string? password, IPAddress? address)
    {
        var account = SignInThrottle.AccountKey(email);
        var from = address?.ToString() ?? "unknown";
        if (throttle.TryAcquire(from, account) is { } retryAfter)
        {
            return new SignInOutcome(SignInVerdict.Throttled, RetryAfter: retryAfter);
        }

        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        var passwordMatches = user is null
            ? SpendAsMuchAsAPasswordCheck(password)
            : await users.CheckPasswordAsync(user, password ?? string.Empty);

        // Identity's own lockout (per account, from anywhere) is not counted any more; an account an administrator
        // locked stays locked.
        if (user is null || !passwordMatches || !user.IsActive || failures.IsLocked(account, from)
            || await users.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
        {
            failures.RecordFailure(account, from);
            return new SignInOutcome(SignInVerdict.Refused);
        }

        failures.Reset(account, from);
        return new SignInOutcome(SignInVerdict.SignedIn, user);
    }

    private bool SpendAsMuchAsAPasswordCheck(string? password)
    {
        var decoy = new ApplicationUser();
        s_decoyHash ??= users.PasswordHasher.HashPassword(decoy, Guid.NewGuid().ToString());
        users.PasswordHasher.VerifyHashedPassword(decoy, s_decoyHash, password ?? string.Empty);
        return false;
    }
}
