using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Benchmarks;

/// <summary>
/// Sign-in accounts for generated organizations, so that the load can act as officers and groups. Every account has
/// the same password and therefore, for speed, the same hash (PBKDF2 per account would take minutes for a thousand);
/// the hash carries its own salt, so Identity verifies it as any other.
/// </summary>
public static class BenchmarkAccounts
{
    public const string Password = "Benchmark-2026!";

    private static readonly Lazy<string> Hash = new(() => new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Password));

    /// <summary>One confirmed account per organization id, <c>bench-{id}@example.jp</c>; returns the addresses by organization id.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> AddAsync(string databaseFile, IReadOnlyCollection<int> organizationIds, CancellationToken ct = default)
    {
        await using var db = BenchmarkDatabase.Open(databaseFile);
        var existing = await db.Users.Where(u => organizationIds.Contains(u.OrganizationId)).Select(u => u.OrganizationId).ToListAsync(ct);
        var emails = new Dictionary<int, string>();
        foreach (var id in organizationIds.Distinct())
        {
            var email = EmailOf(id);
            emails[id] = email;
            if (existing.Contains(id))
            {
                continue;
            }

            db.Users.Add(new ApplicationUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = Hash.Value,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString("N"),
                OrganizationId = id,
                DisplayName = $"ベンチ {id}",
            });
        }

        await db.SaveChangesAsync(ct);
        return emails;
    }

    public static string EmailOf(int organizationId) => $"bench-{organizationId}@example.jp";
}
