using System.Net;
using System.Net.Http.Json;
using Matchboard.Domain;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>Fresh unverified organizations with a member each, and city staff's decisions through the API.</summary>
public static class VerificationSetup
{
    public static Task<(int Id, string Email)> NewGroupAsync(MatchboardFactory factory) =>
        AddAsync(factory, Organization.CreateCivicGroup($"テスト見守りの会 {Guid.NewGuid():N}", Wards.Asao, "百合丘",
            LegalForm.VoluntaryGroup, ActivityStyle.Volunteer, [Categories.WatchOver, Categories.Cleanup], [Wards.Asao, Wards.Takatsu], 2));

    public static Task<(int Id, string Email)> NewAssociationAsync(MatchboardFactory factory) =>
        AddAsync(factory, Organization.RegisterAssociation($"テスト町内会 {Guid.NewGuid():N}", Wards.Takatsu, "溝口"));

    public static Task<(int Id, string Email)> NewSupporterAsync(MatchboardFactory factory) =>
        AddAsync(factory, Organization.CreateSupporter($"テスト 太郎 {Guid.NewGuid():N}", Wards.Takatsu, [Categories.Cleanup], "平日の午前"));

    public static async Task<VerificationEntryDto> EntryAsync(ApiClient city, int organizationId) =>
        await city.GetAsync<VerificationEntryDto>($"/api/city/verification/{organizationId}");

    /// <summary>A decision on the organization's current version; returns the answer.</summary>
    public static async Task<HttpResponseMessage> DecideAsync(ApiClient city, int organizationId, VerificationOutcome outcome, string? reason = null)
    {
        var entry = await EntryAsync(city, organizationId);
        return await city.PostJsonAsync($"/api/city/verification/{organizationId}/decisions",
            new { decision = outcome.ToString(), reason, version = entry.Version });
    }

    public static async Task DecideOkAsync(ApiClient city, int organizationId, VerificationOutcome outcome, string? reason = null)
    {
        var response = await DecideAsync(city, organizationId, outcome, reason);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static async Task<T> ReadAsync<T>(MatchboardFactory factory, Func<MatchboardDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<MatchboardDbContext>());
    }

    public static Task<Organization> OrganizationAsync(MatchboardFactory factory, int id) =>
        ReadAsync(factory, db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id));

    private static async Task<(int, string)> AddAsync(MatchboardFactory factory, Organization organization)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
        }

        return (organization.Id, await TestUsers.AddAsync(factory, organization.Id));
    }
}
