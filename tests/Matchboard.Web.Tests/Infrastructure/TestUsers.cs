using Matchboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>Extra users beside the demo ones, for organizations of more than one person.</summary>
public static class TestUsers
{
    public static async Task<string> AddAsync(MatchboardFactory factory, int organizationId, bool emailConfirmed = true)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"member-{Guid.NewGuid():N}@example.jp";
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = emailConfirmed,
            OrganizationId = organizationId,
            DisplayName = "テスト 会員",
        };
        var result = await users.CreateAsync(user, DemoAccounts.Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return email;
    }
}
