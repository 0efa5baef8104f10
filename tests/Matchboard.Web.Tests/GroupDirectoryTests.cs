using System.Net;
using System.Net.Http.Json;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Organizations;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Directory;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>The public directory of civic groups (/Groups, GET /api/public/groups): verified groups only, counted truthfully.</summary>
public sealed class GroupDirectoryTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task AnAnonymousVisitorGetsExactlyTheVerifiedCivicGroups()
    {
        var anonymous = factory.CreateClient();

        var listed = await AllAsync(anonymous, string.Empty);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var organizations = await db.Organizations.AsNoTracking().ToListAsync();
        var verifiedGroups = organizations.Where(o => o.Kind == OrganizationKind.CivicGroup && o.IsVerified).Select(o => o.Id).Order().ToList();
        Assert.NotEmpty(verifiedGroups);
        Assert.Equal(verifiedGroups, listed.Select(g => g.Id).Order().ToList());
        // The seed has unverified and declined groups, associations and the city: none of them appears.
        Assert.Contains(organizations, o => o.Kind == OrganizationKind.CivicGroup && !o.IsVerified);
        var unlisted = organizations.Where(o => !verifiedGroups.Contains(o.Id)).Select(o => o.Name).ToList();
        Assert.All(unlisted, name => Assert.DoesNotContain(name, listed.Select(g => g.Name)));
    }

    [Fact]
    public async Task EachGroupShowsWhatItIsItsCertificationAndItsCompletedContracts()
    {
        var anonymous = factory.CreateClient();
        var mimamoriId = (await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff)).OrganizationId;
        var before = (await AllAsync(anonymous, string.Empty)).Single(g => g.Id == mimamoriId);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
            var group = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == mimamoriId);
            Assert.Equal(group.LegalForm, before.LegalForm);
            Assert.Equal(group.ActivityStyle, before.ActivityStyle);
            Assert.Equal(group.Categories, before.Categories);
            Assert.Equal(group.WardsServed, before.WardsServed);
            Assert.Equal(await db.Contracts.CountAsync(c => c.ProviderId == mimamoriId && c.Status == ContractStatus.Completed), before.CompletedContracts);
            var state = group.Certification!.StateOn(Domain.JapanTime.DateOf(factory.Clock.GetUtcNow()));
            Assert.True(Domain.Organizations.Certification.Counts(state), $"{state}");
            Assert.Equal(new DirectoryCertificationDto(state.ToString(), group.Certification.Expires), before.Certification);
        }

        // A contract that is only delivered is not completed; once the association accepts it, it counts, once.
        var steps = await ContractSteps.DeliveredAsync(factory);
        Assert.Equal(before.CompletedContracts, (await AllAsync(anonymous, string.Empty)).Single(g => g.Id == mimamoriId).CompletedContracts);
        await steps.Officer.SendAsync(HttpMethod.Post, $"/api/contracts/{steps.ContractId}/accept", null);
        Assert.Equal(before.CompletedContracts + 1, (await AllAsync(anonymous, string.Empty)).Single(g => g.Id == mimamoriId).CompletedContracts);
    }

    [Fact]
    public async Task WardAndCategoryFilterByWhereAGroupWorksAndWhatItOffers()
    {
        var anonymous = factory.CreateClient();
        var all = await AllAsync(anonymous, string.Empty);

        var filtered = await AllAsync(anonymous, "&ward=takatsu&category=watch-over");

        var expected = all.Where(g => g.WardsServed.Contains("takatsu") && g.Categories.Contains("watch-over")).Select(g => g.Id).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < all.Count);
        Assert.Equal(expected, filtered.Select(g => g.Id).Order().ToList());
    }

    [Fact]
    public async Task PagesFollowOneAnotherAndAPageBeyondTheLastIsEmpty()
    {
        var anonymous = factory.CreateClient();
        var all = await anonymous.GetFromJsonAsync<PagedResult<PublicGroupDto>>("/api/public/groups?pageSize=100", ApiClient.Json);

        var second = await anonymous.GetFromJsonAsync<PagedResult<PublicGroupDto>>("/api/public/groups?pageSize=2&page=2", ApiClient.Json);
        var beyond = await anonymous.GetFromJsonAsync<PagedResult<PublicGroupDto>>($"/api/public/groups?pageSize=2&page={all!.Total}", ApiClient.Json);

        Assert.Equal(all.Items.Skip(2).Take(2).Select(g => g.Id), second!.Items.Select(g => g.Id));
        Assert.Equal(all.Total, second.Total);
        Assert.Empty(beyond!.Items);
    }

    [Theory]
    [InlineData("page=0", "page", "ja", "範囲外の値です。")]
    [InlineData("page=-3", "page", "en", "This value is out of range.")]
    [InlineData("pageSize=101", "pageSize", "ja", "範囲外の値です。")]
    [InlineData("pageSize=0", "pageSize", "en", "This value is out of range.")]
    [InlineData("ward=yokohama", "ward", "ja", "区を一覧から選んでください。")]
    [InlineData("category=gardening", "category", "en", "Choose a category from the list.")]
    public async Task ABadFilterOrPageIsRefusedInTheCallersLanguage(string query, string field, string language, string message)
    {
        var anonymous = factory.CreateClient();
        anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var response = await anonymous.GetAsync($"/api/public/groups?{query}");

        var problem = await ProblemAssert.HasCodeAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Theory]
    [InlineData("ja", "市民活動団体の一覧", "NPO法人")]
    [InlineData("en", "Civic groups", "NPO corporation")]
    public async Task TheDirectoryPageListsTheVerifiedGroupsForAnyoneAndEveryFooterLinksIt(string language, string heading, string legalForm)
    {
        var client = await PageClient.CreateAsync(factory, language: language);
        var groups = await AllAsync(factory.CreateClient(), string.Empty);

        var html = await client.Http.GetStringAsync("/Groups");

        Assert.Contains($"<h1>{heading}</h1>", html);
        Assert.Contains(legalForm, html);
        Assert.All(groups.Take(10), g => Assert.Contains($"data-group-id=\"{g.Id}\"", html));
        Assert.DoesNotContain("ひまわり見守りの会", html);
        Assert.Contains("href=\"/Groups\"", await client.Http.GetStringAsync("/"));
    }

    private static async Task<List<PublicGroupDto>> AllAsync(HttpClient client, string filters)
    {
        var page = await client.GetFromJsonAsync<PagedResult<PublicGroupDto>>($"/api/public/groups?pageSize=100{filters}", ApiClient.Json);
        Assert.True(page!.Total <= 100);
        return [.. page.Items];
    }
}
