using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Matchboard.Web.Features.Accounts;

/// <summary>
/// Lockout per account AND address: after <see cref="LockoutOptions.MaxFailedAccessAttempts"/> failures, that account
/// is refused from that address for <see cref="LockoutOptions.DefaultLockoutTimeSpan"/>. Someone failing from one
/// address cannot shut the real user out from another (Identity's own lockout, per account only, could).
/// In memory: one instance of the app, and a restart forgets (the rate limits still hold).
/// </summary>
public sealed class SignInFailures(TimeProvider time, IOptions<IdentityOptions> identity)
{
    private const int MaxTracked = 50_000;
    private readonly ConcurrentDictionary<(string Account, string Address), Entry> _entries = new();

    private LockoutOptions Lockout => identity.Value.Lockout;

    public bool IsLocked(string account, string address) =>
        _entries.TryGetValue((account, address), out var entry) && entry.LockedUntil > time.GetUtcNow();

    public void RecordFailure(string account, string address)
    {
        var now = time.GetUtcNow();
        if (_entries.Count > MaxTracked)
        {
            Forget(now);
        }

        _entries.AddOrUpdate(
            (account, address),
            _ => new Entry(1, null, now),
            (_, entry) =>
            {
                if (entry.LockedUntil > now)
                {
                    return entry;
                }

                var failures = entry.LockedUntil is null ? entry.Failures + 1 : 1;
                return failures >= Lockout.MaxFailedAccessAttempts
                    ? new Entry(0, now + Lockout.DefaultLockoutTimeSpan, now)
                    : new Entry(failures, null, now);
            });
    }

    public void Reset(string account, string address) => _entries.TryRemove((account, address), out _);

    /// <summary>Drops what no longer matters, so that a flood of made-up emails cannot grow the table without end.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.LockedUntil is null ? now - entry.LastFailure > TimeSpan.FromHours(1) : entry.LockedUntil <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    private sealed record Entry(int Failures, DateTimeOffset? LockedUntil, DateTimeOffset LastFailure);
}
