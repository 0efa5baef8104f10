using System.Net;
using System.Net.Http.Json;
using Matchboard.Domain;
using Matchboard.Domain.Matching;
using Matchboard.Web.Features.Matching;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>GET /api/matches/tasks: open tasks ranked for the caller's group by the published rubric, explained.</summary>
public sealed class TaskMatchesApiTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    private async Task<ApiClient> GroupAsync(string language = "ja")
    {
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        group.Http.DefaultRequestHeaders.AcceptLanguage.Clear();
        group.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return group;
    }

    private async Task<int> PostTaskAsync(string category, string ward, bool certificationRequired = false)
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var request = Requests.WatchOverTask(factory.Clock.GetUtcNow());
        request["category"] = category;
        request["ward"] = ward;
        request["certificationRequired"] = certificationRequired;
        request["insuranceRequired"] = false;
        return (await officer.PostTaskAsync(request)).Id;
    }

    private static Task<PagedResult<TaskMatchDto>> MatchesAsync(ApiClient client, string query = "pageSize=100") =>
        client.GetAsync<PagedResult<TaskMatchDto>>("/api/matches/tasks?" + query);

    [Fact]
    public async Task AGroupSeesOnlyCandidatesRankedByScoreThenIdWithReasonsThatAddUp()
    {
        var group = await GroupAsync();
        var matches = await MatchesAsync(group);

        Assert.NotEmpty(matches.Items);
        Assert.Equal(matches.Total, matches.Items.Count);
        var me = group.Me.Organization;
        Assert.All(matches.Items, m =>
        {
            Assert.Equal(Domain.Tasks.CommunityTaskStatus.Open, m.Task.Status);
            Assert.Equal(m.Score, m.Reasons.Sum(r => r.Points));
            Assert.Contains(m.Reasons[0].Code, new[] { MatchReasons.SameCategory, MatchReasons.RelatedCategory });
            Assert.Contains(m.Reasons[1].Code, new[] { MatchReasons.SameWard, MatchReasons.NeighbouringWard });
            Assert.All(m.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
            Assert.All(m.Reasons, r => Assert.NotEqual(r.Code, r.Text));
        });
        var expected = matches.Items
            .OrderByDescending(m => m.MeetsRequirements).ThenByDescending(m => m.Score).ThenBy(m => m.Task.Id)
            .Select(m => m.Task.Id);
        Assert.Equal(expected, matches.Items.Select(m => m.Task.Id));
        Assert.All(matches.Items.Where(m => m.Reasons[1].Code == MatchReasons.SameWard), m => Assert.Contains(m.Task.Ward, me.WardsServed));
    }

    [Fact]
    public async Task ATaskInARelatedCategoryAndANeighbouringWardIsRankedAndSaysWhy()
    {
        // なかはら見守りネット does watch-over (and salons, distribution) in 中原区 and 高津区: 防災 is related to
        // watch-over, 幸区 is next to 中原区; 清掃 is related to nothing it does, 麻生区 is next to neither ward.
        var related = await PostTaskAsync(Categories.DisasterPrep, Wards.Saiwai);
        var unrelated = await PostTaskAsync(Categories.Cleanup, Wards.Nakahara);
        var far = await PostTaskAsync(Categories.WatchOver, Wards.Asao);

        var matches = await MatchesAsync(await GroupAsync());

        var match = Assert.Single(matches.Items, m => m.Task.Id == related);
        Assert.Equal("近い分野で活動（高齢者の見守り）", match.Reasons[0].Text);
        Assert.Equal(20, match.Reasons[0].Points);
        Assert.Equal("となりの区で活動（中原区）", match.Reasons[1].Text);
        Assert.DoesNotContain(matches.Items, m => m.Task.Id == unrelated);
        Assert.DoesNotContain(matches.Items, m => m.Task.Id == far);
    }

    [Fact]
    public async Task TheCertificationReasonSaysUntilWhenInJapaneseAndEnglish()
    {
        var task = await PostTaskAsync(Categories.WatchOver, Wards.Nakahara, certificationRequired: true);

        var ja = Assert.Single((await MatchesAsync(await GroupAsync("ja"))).Items, m => m.Task.Id == task);
        var en = Assert.Single((await MatchesAsync(await GroupAsync("en"))).Items, m => m.Task.Id == task);

        Assert.True(ja.MeetsRequirements);
        Assert.Matches(@"^市の認証あり（\d{4}年\d{1,2}月まで）$", Assert.Single(ja.Reasons, r => r.Code == MatchReasons.Certified).Text);
        Assert.Matches(@"^City certification \(until [A-Z][a-z]{2} \d{4}\)$", Assert.Single(en.Reasons, r => r.Code == MatchReasons.Certified).Text);
        Assert.Equal("同じ区で活動（中原区）", Assert.Single(ja.Reasons, r => r.Code == MatchReasons.SameWard).Text);
        Assert.Equal("Active in the same ward (Nakahara Ward)", Assert.Single(en.Reasons, r => r.Code == MatchReasons.SameWard).Text);
    }

    [Fact]
    public async Task TheBoardsFiltersNarrowTheRankedListAndPagesFollowTheRanking()
    {
        await PostTaskAsync(Categories.WatchOver, Wards.Takatsu);
        await PostTaskAsync(Categories.WatchOver, Wards.Nakahara);
        var group = await GroupAsync();
        var all = await MatchesAsync(group);

        var takatsu = await MatchesAsync(group, "ward=takatsu&pageSize=100");
        Assert.NotEmpty(takatsu.Items);
        Assert.All(takatsu.Items, m => Assert.Equal(Wards.Takatsu, m.Task.Ward));
        Assert.Equal(all.Items.Where(m => m.Task.Ward == Wards.Takatsu).Select(m => m.Task.Id), takatsu.Items.Select(m => m.Task.Id));

        var second = await MatchesAsync(group, "page=2&pageSize=2");
        Assert.Equal(all.Total, second.Total);
        Assert.Equal(all.Items.Skip(2).Take(2).Select(m => m.Task.Id), second.Items.Select(m => m.Task.Id));
    }

    [Fact]
    public async Task AnUnknownCategoryOrWardIsRefused()
    {
        var group = await GroupAsync();

        await ProblemAssert.HasCodeAsync(await group.Http.GetAsync("/api/matches/tasks?category=gardening"), HttpStatusCode.BadRequest, "validation");
        await ProblemAssert.HasCodeAsync(await group.Http.GetAsync("/api/matches/tasks?ward=shinjuku"), HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task AnAssociationHasNoTaskMatchesAndAnonymousVisitorsMustSignIn()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Http.GetAsync("/api/matches/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/matches/tasks")).StatusCode);
    }

    [Fact]
    public void EveryReasonCodeHasWordsInJapaneseAndEnglish()
    {
        var codes = typeof(MatchReasons).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var resources = new System.Resources.ResourceManager("Matchboard.Web.Resources.UiText", typeof(MatchService).Assembly);

        Assert.NotEmpty(codes);
        foreach (var code in codes)
        {
            var ja = resources.GetString(MatchExplanations.Prefix + code, System.Globalization.CultureInfo.GetCultureInfo("ja"));
            var en = resources.GetString(MatchExplanations.Prefix + code, System.Globalization.CultureInfo.GetCultureInfo("en"));
            Assert.False(string.IsNullOrEmpty(ja), code);
            Assert.False(string.IsNullOrEmpty(en), code);
            Assert.NotEqual(ja, en);
        }
    }
}
