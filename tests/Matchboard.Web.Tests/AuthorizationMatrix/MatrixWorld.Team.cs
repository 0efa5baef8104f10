using System.Net.Http.Json;
using System.Text.Json;
using Matchboard.Web.Tests.Infrastructure;
using Matchboard.Web.Tests.Team;

namespace Matchboard.Web.Tests.AuthorizationMatrix;

/// <summary>The team's objects: the owner association's invitations and invited members, each fresh (rows change them).</summary>
public sealed partial class MatrixWorld
{
    private int _invited;

    private string NextEmail() => $"matrix.invited.{++_invited}@example.jp";

    /// <summary>A pending invitation of the owner association, by id.</summary>
    public async Task<int> FreshInvitationAsync()
    {
        var email = NextEmail();
        await TeamSteps.InviteAndReadTokenAsync(Factory, _owner, email);
        var team = await _owner.GetAsync<JsonElement>("/api/team");
        return team.GetProperty("pendingInvitations").EnumerateArray().Single(i => i.GetProperty("email").GetString() == email).GetProperty("id").GetInt32();
    }

    /// <summary>The token of a pending invitation of the owner association.</summary>
    public Task<string> FreshInvitationTokenAsync() => TeamSteps.InviteAndReadTokenAsync(Factory, _owner, NextEmail());

    /// <summary>A member the owner association invited (its demo officer stays the first member), by user id.</summary>
    public async Task<string> FreshMemberAsync() => (await TeamSteps.NewMemberAsync(Factory, _owner, NextEmail())).Me.UserId;

    /// <summary>A member of the owner association that city staff have deactivated.</summary>
    public async Task<string> FreshDeactivatedMemberAsync()
    {
        var userId = await FreshMemberAsync();
        var city = await ApiClient.SignInAsync(Factory, DemoAccounts.CityStaff);
        (await city.Http.PostAsJsonAsync($"/api/city/accounts/{userId}/deactivate", new { reason = "退任されたため。" })).EnsureSuccessStatusCode();
        return userId;
    }
}
