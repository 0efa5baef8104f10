using System.Threading.RateLimiting;

namespace Matchboard.Web.Features.Accounts;

/// <summary>
/// Sign-in attempts per minute, per client address and per account (the submitted email): built-in fixed-window
/// limiters that the sign-in handlers ask directly, because the account is known only once the body is read.
/// </summary>
public sealed class SignInThrottle(int perAddressPerMinute, int perAccountPerMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAddress = PerMinute(perAddressPerMinute);
    private readonly PartitionedRateLimiter<string> _perAccount = PerMinute(perAccountPerMinute);

    /// <summary>The email as one account key, however it is typed.</summary>
    public static string AccountKey(string? email) => (email ?? string.Empty).Trim().ToUpperInvariant();

    /// <summary>Null when the attempt may go ahead; otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(string address, string account)
    {
        foreach (var (limiter, key) in new[] { (_perAddress, address), (_perAccount, account) })
        {
            using var lease = limiter.AttemptAcquire(key);
            if (!lease.IsAcquired)
            {
                return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero
                    ? retryAfter
                    : TimeSpan.FromMinutes(1);
            }
        }

        return null;
    }

    public void Dispose()
    {
        _perAddress.Dispose();
        _perAccount.Dispose();
    }

    private static PartitionedRateLimiter<string> PerMinute(int permits) => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
}
