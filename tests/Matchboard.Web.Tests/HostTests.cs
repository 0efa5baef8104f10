using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>Start-up, seed data, health and the API description.</summary>
public sealed class HostTests(ApiReferenceFactory factory) : IClassFixture<ApiReferenceFactory>
{
    [Fact]
    public async Task HealthIsReported()
    {
        var response = await factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheMarketplace()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/tasks", "/api/tasks/{id}", "/api/tasks/{taskId}/bids", "/api/tasks/{taskId}/award", "/api/tasks/{id}/history", "/api/tasks/{taskId}/bids/mine/confirm", "/api/contracts/{id}/sign", "/api/notifications", "/api/auth/login", "/api/me" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }
    }

    [Fact]
    public async Task TheApiReferencePageIsServed()
    {
        var response = await factory.CreateClient().GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheDemoMarketplaceIsSeededAlive()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var now = factory.Clock.GetUtcNow();

        var statuses = await db.Tasks.GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var open = await db.Tasks.Where(t => t.Status == CommunityTaskStatus.Open).ToListAsync();

        Assert.True(await db.Tasks.CountAsync() >= 40);
        Assert.True(await db.Organizations.CountAsync(o => o.Kind == Domain.Organizations.OrganizationKind.Association) >= 20);
        Assert.True(await db.Organizations.CountAsync(o => o.Kind == Domain.Organizations.OrganizationKind.CivicGroup) >= 15);
        Assert.Equal(6, statuses.Count);
        Assert.All(open, t => Assert.True(t.BidDeadline > now, $"{t.Title} is open with a past deadline"));
        Assert.True(await db.Contracts.CountAsync() >= 10);
        Assert.True(await db.Users.CountAsync() >= 5);
    }

    [Fact]
    public async Task SeedingTwiceAddsNothing()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var before = (await db.Tasks.CountAsync(), await db.Organizations.CountAsync(), await db.Users.CountAsync());

        await scope.ServiceProvider.GetRequiredService<Data.Seeding.DemoSeeder>()
            .SeedAsync(Path.Combine(AppContext.BaseDirectory, "seed-data"), CancellationToken.None);

        Assert.Equal(before, (await db.Tasks.CountAsync(), await db.Organizations.CountAsync(), await db.Users.CountAsync()));
    }

    [Fact]
    public async Task TheBoardFiltersAndPages()
    {
        var client = factory.CreateClient();

        var watchOver = await client.GetFromJsonAsync<PagedResult<TaskSummaryDto>>("/api/tasks?category=watch-over&pageSize=100", ApiClient.Json);
        var firstPage = await client.GetFromJsonAsync<PagedResult<TaskSummaryDto>>("/api/tasks?pageSize=5&page=1", ApiClient.Json);
        var secondPage = await client.GetFromJsonAsync<PagedResult<TaskSummaryDto>>("/api/tasks?pageSize=5&page=2", ApiClient.Json);
        var search = await client.GetFromJsonAsync<PagedResult<TaskSummaryDto>>($"/api/tasks?q={Uri.EscapeDataString("木月")}", ApiClient.Json);

        Assert.NotEmpty(watchOver!.Items);
        Assert.All(watchOver.Items, t => Assert.Equal("watch-over", t.Category));
        Assert.Equal(5, firstPage!.Items.Count);
        Assert.True(firstPage.Total > 5);
        Assert.Empty(firstPage.Items.Select(t => t.Id).Intersect(secondPage!.Items.Select(t => t.Id)));
        Assert.All(firstPage.Items.Zip(firstPage.Items.Skip(1)), pair => Assert.True(pair.First.BidDeadline <= pair.Second.BidDeadline));
        Assert.Contains(search!.Items, t => t.Town == "木月");
    }

    [Theory]
    [InlineData("page=2147483647")]
    [InlineData("page=-5&pageSize=0")]
    [InlineData("pageSize=2147483647")]
    public async Task HostilePagingIsClampedNotAnError(string paging)
    {
        var response = await factory.CreateClient().GetAsync($"/api/tasks?{paging}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<PagedResult<TaskSummaryDto>>(ApiClient.Json);
        Assert.InRange(page!.PageSize, 1, TaskService.MaxPageSize);
        Assert.InRange(page.Page, 1, TaskService.MaxPage);
    }

    [Fact]
    public async Task TheBoardFiltersByHowSoonTheDeadlineComes()
    {
        var client = factory.CreateClient();
        var limit = factory.Clock.GetUtcNow().AddDays(7);

        var soon = await client.GetFromJsonAsync<PagedResult<TaskSummaryDto>>("/api/tasks?deadlineWithinDays=7&pageSize=100", ApiClient.Json);
        var all = await client.GetFromJsonAsync<PagedResult<TaskSummaryDto>>("/api/tasks?pageSize=100", ApiClient.Json);
        var nonsense = await client.GetAsync("/api/tasks?deadlineWithinDays=0");

        Assert.NotEmpty(soon!.Items);
        Assert.All(soon.Items, t => Assert.True(t.BidDeadline <= limit));
        Assert.Equal(all!.Items.Count(t => t.BidDeadline <= limit), soon.Total);
        Assert.True(all.Total > soon.Total);
        await ProblemAssert.HasCodeAsync(nonsense, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task AGroupCanListTheTasksThatMatchIt()
    {
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);

        var matching = await group.GetAsync<PagedResult<TaskSummaryDto>>("/api/tasks?matching=true&pageSize=100");

        Assert.NotEmpty(matching.Items);
        Assert.All(matching.Items, t =>
        {
            Assert.Contains(t.Category, group.Me.Organization.Categories);
            Assert.Contains(t.Ward, group.Me.Organization.WardsServed);
        });
    }

    [Fact]
    public async Task MeDescribesTheUsersOrganization()
    {
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);

        Assert.Equal("NPO法人 なかはら見守りネット", group.Me.Organization.Name);
        Assert.Equal(Domain.Organizations.OrganizationKind.CivicGroup, group.Me.Organization.Kind);
        Assert.Equal(Domain.Organizations.LegalForm.NpoCorporation, group.Me.Organization.LegalForm);
        Assert.NotNull(group.Me.Organization.Certification);
        Assert.True(group.Me.Organization.Verified);
    }
}
