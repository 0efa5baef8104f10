using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Matchboard.Domain;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Features.Awards;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Infrastructure.Scheduling;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// The public award register (/Awards, GET /api/public/awards and its CSV): nothing about a task's bids before it is
/// decided, not even a count; every bid not withdrawn, by name and amount (never the proposal), once it is.
/// </summary>
public sealed partial class AwardRegisterTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    private const string Kizuki = "木月三丁目町内会";
    private const string Mimamori = "NPO法人 なかはら見守りネット";
    private const string Tamagawa = "一般社団法人 たまがわクリーンサポート";
    private const string Bousai = "一般社団法人 川崎防災まちづくり協会";
    private const string BousaiStaff = "staff.bousai@example.jp";

    [Fact]
    public async Task NothingAboutTheBidsIsPublicBeforeTheAwardAndEveryBidButTheWithdrawnOneIsAfter()
    {
        var marker = Marker();
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var tamagawa = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var bousai = await ApiClient.SignInAsync(factory, BousaiStaff);
        var task = await PostTaskAsync(officer, $"公園の清掃 {marker}");
        var won = await mimamori.BidAsync(task.Id, 18_000, $"非公開の提案その一 {marker}");
        await tamagawa.BidAsync(task.Id, 19_000, $"非公開の提案その二 {marker}");
        await bousai.BidAsync(task.Id, 17_000, $"非公開の提案その三 {marker}");
        (await bousai.Http.DeleteAsync($"/api/tasks/{task.Id}/bids/mine")).EnsureSuccessStatusCode();

        // While bidding is open, and after the deadline while the association decides: nothing public.
        await AssertNothingPublicAboutAsync(task, marker, tamagawa);
        factory.Clock.SetUtcNow(task.BidDeadline.AddMinutes(1));
        await factory.Services.GetRequiredService<Sweeper>().SweepAsync(CancellationToken.None);
        await AssertNothingPublicAboutAsync(task, marker, tamagawa);

        (await officer.AwardAsync(task.Id, won.Id, $"近くで活動し、道具もそろっているため {marker}")).EnsureSuccessStatusCode();
        var awardedAt = factory.Clock.GetUtcNow();

        var anonymous = factory.CreateClient();
        var raw = await anonymous.GetStringAsync($"/api/public/awards?association={officer.OrganizationId}&pageSize=100");
        var entry = (await AllAsync(anonymous, $"association={officer.OrganizationId}")).Single(e => e.TaskId == task.Id);
        Assert.Equal(CommunityTaskStatus.Awarded, entry.Status);
        Assert.Equal(new RegisterPartyDto(officer.OrganizationId, Kizuki), entry.Association);
        Assert.Equal(($"公園の清掃 {marker}", "cleanup", "takatsu"), (entry.Title, entry.Category, entry.Ward));
        Assert.Equal(new RegisterPartyDto(mimamori.OrganizationId, Mimamori), entry.Winner);
        Assert.Equal((18_000L, 20_000L, true), (entry.AwardedAmountYen!.Value, entry.FeeYen, entry.IsVolunteer));
        Assert.Equal($"近くで活動し、道具もそろっているため {marker}", entry.Rationale);
        Assert.Equal((3, 1), (entry.BidCount, entry.WithdrawnBidCount));
        Assert.Equal(task.PublishedAt, entry.PostedAt);
        Assert.Equal(task.BidDeadline, entry.BidDeadline);
        Assert.Equal(awardedAt, entry.AwardedAt);
        Assert.Equal(awardedAt, entry.DecidedAt);
        Assert.Null(entry.CancelledAt);
        Assert.Equal(
            [new RevealedBidDto(mimamori.OrganizationId, Mimamori, 18_000, true), new RevealedBidDto(tamagawa.OrganizationId, Tamagawa, 19_000, false)],
            entry.Bids);
        Assert.DoesNotContain("非公開の提案", raw);
        Assert.DoesNotContain("proposal", raw, StringComparison.OrdinalIgnoreCase);

        var html = await (await PageClient.CreateAsync(factory)).Http.GetStringAsync($"/Awards?association={officer.OrganizationId}");
        var card = CardOf(html, task.Id);
        Assert.Contains(Kizuki, card);
        Assert.Contains(Mimamori, card);
        Assert.Contains(Tamagawa, card);
        Assert.Contains("¥18,000（依頼の金額 ボランティア（実費 ¥20,000 まで））", card);
        Assert.Contains("¥19,000", card);
        Assert.Contains("3件（うち取り下げ 1件）", card);
        Assert.Contains($"近くで活動し、道具もそろっているため {marker}", card);
        Assert.DoesNotContain(Bousai, card);
        Assert.DoesNotContain("¥17,000", card);
        Assert.DoesNotContain("非公開の提案", html);
    }

    [Fact]
    public async Task UnawardedAndCancelledAfterTheDeadlineAreListedWithTheirBidsButACancelBeforeTheDeadlineRevealsNothing()
    {
        var marker = Marker();
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var tamagawa = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var cancelledLate = await PostTaskAsync(officer, $"遅く取り消す清掃 {marker}");
        var cancelledEarly = await PostTaskAsync(officer, $"早く取り消す清掃 {marker}");
        var unawarded = await PostTaskAsync(officer, $"依頼先なしの清掃 {marker}");
        await mimamori.BidAsync(cancelledLate.Id, 16_000);
        await mimamori.BidAsync(cancelledEarly.Id, 15_000);
        await tamagawa.BidAsync(unawarded.Id, 14_000);
        (await tamagawa.Http.DeleteAsync($"/api/tasks/{unawarded.Id}/bids/mine")).EnsureSuccessStatusCode();

        (await officer.PostJsonAsync($"/api/tasks/{cancelledEarly.Id}/cancel", null)).EnsureSuccessStatusCode();
        factory.Clock.SetUtcNow(cancelledLate.BidDeadline.AddMinutes(1));
        await factory.Services.GetRequiredService<Sweeper>().SweepAsync(CancellationToken.None);
        (await officer.PostJsonAsync($"/api/tasks/{cancelledLate.Id}/cancel", null)).EnsureSuccessStatusCode();

        var anonymous = factory.CreateClient();
        var entries = await AllAsync(anonymous, $"association={officer.OrganizationId}");
        Assert.DoesNotContain(entries, e => e.TaskId == cancelledEarly.Id);
        var late = entries.Single(e => e.TaskId == cancelledLate.Id);
        Assert.Equal(CommunityTaskStatus.Cancelled, late.Status);
        Assert.Null(late.Winner);
        Assert.Null(late.AwardedAmountYen);
        Assert.Equal(factory.Clock.GetUtcNow(), late.CancelledAt);
        Assert.Equal([new RevealedBidDto(mimamori.OrganizationId, Mimamori, 16_000, false)], late.Bids);
        var none = entries.Single(e => e.TaskId == unawarded.Id);
        Assert.Equal(CommunityTaskStatus.Unawarded, none.Status);
        Assert.Equal((1, 1), (none.BidCount, none.WithdrawnBidCount));
        Assert.Empty(none.Bids);

        var html = await (await PageClient.CreateAsync(factory)).Http.GetStringAsync($"/Awards?association={officer.OrganizationId}");
        Assert.DoesNotContain($"早く取り消す清掃 {marker}", html);
        Assert.Contains(Mimamori, CardOf(html, cancelledLate.Id));
        Assert.Contains("¥16,000", CardOf(html, cancelledLate.Id));
        Assert.Contains("1件（うち取り下げ 1件）", CardOf(html, unawarded.Id));
        Assert.DoesNotContain(Tamagawa, CardOf(html, unawarded.Id));
        Assert.DoesNotContain("¥15,000", html);
    }

    [Fact]
    public async Task FiltersNarrowByWardCategoryAssociationGroupAndTheDayOfTheDecision()
    {
        var marker = Marker();
        var kizuki = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var mizonokuchi = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var tamagawa = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var first = await PostTaskAsync(kizuki, $"先に決めた清掃 {marker}");
        var second = await PostTaskAsync(mizonokuchi, $"後で決めた防犯 {marker}", ward: "nakahara", category: "crime-patrol");
        var firstBid = await tamagawa.BidAsync(first.Id, 18_000);
        var secondBid = await mimamori.BidAsync(second.Id, 18_000);
        factory.Clock.SetUtcNow(second.BidDeadline.AddMinutes(1));
        (await kizuki.AwardAsync(first.Id, firstBid.Id)).EnsureSuccessStatusCode();
        var firstDay = JapanTime.DateOf(factory.Clock.GetUtcNow());
        factory.Clock.Advance(TimeSpan.FromDays(2));
        (await mizonokuchi.AwardAsync(second.Id, secondBid.Id)).EnsureSuccessStatusCode();
        var secondDay = JapanTime.DateOf(factory.Clock.GetUtcNow());
        var anonymous = factory.CreateClient();

        async Task<List<int>> OursAsync(string filters, Func<AwardRegisterEntryDto, bool> holds)
        {
            var entries = await AllAsync(anonymous, filters);
            Assert.All(entries, e => Assert.True(holds(e), $"{filters}: task {e.TaskId}"));
            return entries.Select(e => e.TaskId).Where(id => id == first.Id || id == second.Id).ToList();
        }

        Assert.Equal([first.Id], await OursAsync("ward=takatsu", e => e.Ward == "takatsu"));
        Assert.Equal([second.Id], await OursAsync("category=crime-patrol", e => e.Category == "crime-patrol"));
        Assert.Equal([second.Id], await OursAsync($"association={mizonokuchi.OrganizationId}", e => e.Association.Id == mizonokuchi.OrganizationId));
        Assert.Equal([first.Id], await OursAsync($"group={tamagawa.OrganizationId}", e => e.Bids.Any(b => b.GroupId == tamagawa.OrganizationId)));
        Assert.Equal([second.Id], await OursAsync($"from={secondDay:yyyy-MM-dd}", e => JapanTime.DateOf(e.DecidedAt) >= secondDay));
        Assert.Equal([first.Id], await OursAsync($"from={firstDay:yyyy-MM-dd}&to={firstDay:yyyy-MM-dd}", e => JapanTime.DateOf(e.DecidedAt) == firstDay));
        Assert.Equal([second.Id, first.Id], await OursAsync($"from={firstDay:yyyy-MM-dd}", e => JapanTime.DateOf(e.DecidedAt) >= firstDay));
        Assert.Empty(await OursAsync($"ward=takatsu&association={mizonokuchi.OrganizationId}", e => e.Ward == "takatsu"));

        // The page's GET form gives the same answer, without JavaScript.
        var html = await (await PageClient.CreateAsync(factory)).Http.GetStringAsync($"/Awards?group={tamagawa.OrganizationId}&from={firstDay:yyyy-MM-dd}&to={firstDay:yyyy-MM-dd}");
        Assert.Contains($"data-task-id=\"{first.Id}\"", html);
        Assert.DoesNotContain($"data-task-id=\"{second.Id}\"", html);
        Assert.Contains($"<option value=\"{tamagawa.OrganizationId}\" selected=\"selected\">", html);
    }

    [Theory]
    [InlineData("page=0", "page", "ja", "範囲外の値です。")]
    [InlineData("pageSize=101", "pageSize", "en", "This value is out of range.")]
    [InlineData("ward=yokohama", "ward", "ja", "区を一覧から選んでください。")]
    [InlineData("category=gardening", "category", "en", "Choose a category from the list.")]
    [InlineData("association=0", "association", "ja", "範囲外の値です。")]
    [InlineData("from=2026-05-02&to=2026-05-01", "to", "en", "The end date must not be before the start date.")]
    [InlineData("from=1900-01-01", "from", "ja", "範囲外の値です。")]
    public async Task ABadFilterIsRefusedInTheCallersLanguageByTheListAndTheCsv(string query, string field, string language, string message)
    {
        var anonymous = factory.CreateClient();
        anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        // The CSV is the whole register under the filters: it takes no page, so only the filters are checked there.
        foreach (var url in field.StartsWith("page", StringComparison.Ordinal) ? [$"/api/public/awards?{query}"] : new[] { $"/api/public/awards?{query}", $"/api/public/awards.csv?{query}" })
        {
            var problem = await ProblemAssert.HasCodeAsync(await anonymous.GetAsync(url), HttpStatusCode.BadRequest, "validation");
            Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        }
    }

    [Fact]
    public async Task PagesFollowOneAnotherNewestDecisionFirstAndAPageBeyondTheLastIsEmpty()
    {
        await AwardedTaskAsync(Marker());
        await AwardedTaskAsync(Marker());
        var anonymous = factory.CreateClient();
        var all = await AllAsync(anonymous, string.Empty);

        var second = await anonymous.GetFromJsonAsync<PagedResult<AwardRegisterEntryDto>>("/api/public/awards?pageSize=1&page=2", ApiClient.Json);
        var beyond = await anonymous.GetFromJsonAsync<PagedResult<AwardRegisterEntryDto>>($"/api/public/awards?pageSize=1&page={all.Count + 1}", ApiClient.Json);

        Assert.True(all.Count >= 2);
        Assert.Equal(all[1].TaskId, Assert.Single(second!.Items).TaskId);
        Assert.Equal(all.Count, second.Total);
        Assert.Empty(beyond!.Items);
        Assert.Equal(all.OrderByDescending(e => e.DecidedAt).ThenByDescending(e => e.TaskId).Select(e => e.TaskId), all.Select(e => e.TaskId));
        Assert.All(all, e => Assert.NotEqual(CommunityTaskStatus.Open, e.Status));
    }

    [Theory]
    [InlineData("ja", "依頼の番号", "選ばれた団体", "高津区", "依頼先が決まりました")]
    [InlineData("en", "Task number", "Chosen group", "Takatsu Ward", "Awarded")]
    public async Task TheCsvHoldsTheRegisterUnderTheSameFiltersInUtf8WithAByteOrderMark(string language, string idHeader, string winnerHeader, string ward, string status)
    {
        var marker = Marker();
        var rationale = $"=SUM(A1) 道具が\"そろって\"いて、近くで活動しているため。\n二行目 {marker}";
        var (task, officer, winner) = await AwardedTaskAsync(marker, rationale);
        var anonymous = factory.CreateClient();
        anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var response = await anonymous.GetAsync($"/api/public/awards.csv?association={officer.OrganizationId}&ward=takatsu");

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var (headers, rows) = Parse(bytes[3..]);
        var entries = await AllAsync(anonymous, $"association={officer.OrganizationId}&ward=takatsu");
        Assert.Equal(entries.Select(e => e.TaskId.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r[headers.IndexOf(idHeader)]));
        var row = rows.Single(r => r[0] == task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var cell = (string name) => row[headers.IndexOf(name)];
        Assert.Equal(winner, cell(winnerHeader));
        Assert.Contains(ward, row);
        Assert.Contains(status, row);
        Assert.Contains(Kizuki, row);
        Assert.Contains("18000", row);
        Assert.Contains("20000", row);
        Assert.Contains($"{Mimamori}: 18000; {Tamagawa}: 19000", row);
        // Written as text a spreadsheet will not run; quotes and the line break survive the round trip.
        Assert.Contains("'" + rationale, row);
        Assert.Contains(AwardRegisterCsv.Time(task.BidDeadline), row);
        Assert.DoesNotContain("非公開の提案", Encoding.UTF8.GetString(bytes));
    }

    [Theory]
    [InlineData("ja", "<h1>決定した依頼の一覧</h1>", "この一覧をCSVファイルでダウンロード")]
    [InlineData("en", "<h1>Award register</h1>", "Download this list as a CSV file")]
    public async Task ThePageIsPublicInJapaneseAndEnglishAndEveryFooterLinksIt(string language, string heading, string download)
    {
        var client = await PageClient.CreateAsync(factory, language: language);

        var response = await client.Http.GetAsync("/Awards?ward=takatsu");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(heading, html);
        Assert.Contains(download, html);
        Assert.Contains("href=\"/api/public/awards.csv?ward=takatsu\"", html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("href=\"/Awards\"", await client.Http.GetStringAsync("/"));

        // The audit log's head, as the public API gives it, so that anyone can note it down from the page.
        await factory.Services.GetRequiredService<Matchboard.Web.Data.Audit.AuditSealer>().SealAsync(CancellationToken.None);
        var head = await factory.CreateClient().GetFromJsonAsync<Features.Audit.AuditHeadDto>("/api/public/audit/head", ApiClient.Json);
        var page = await client.Http.GetStringAsync("/Awards");
        Assert.Contains($"id=\"audit-head-hash\">{head!.Hash}<", page);
    }

    /// <summary>
    /// Before the reveal: the register, its CSV, the board, the task page and its API (anonymous and as another
    /// bidding group), the directory and the bidders' public pages hold no count and no bidder's name for the task.
    /// </summary>
    private async Task AssertNothingPublicAboutAsync(TaskDetailDto task, string marker, ApiClient otherGroup)
    {
        var anonymous = factory.CreateClient();
        var anonymousPages = await PageClient.CreateAsync(factory);
        var otherPages = await PageClient.CreateAsync(factory, DemoAccounts.TamagawaStaff);
        Assert.DoesNotContain(await AllAsync(anonymous, string.Empty), e => e.TaskId == task.Id);
        Assert.DoesNotContain(marker, await anonymous.GetStringAsync("/api/public/awards.csv"));
        Assert.DoesNotContain(marker, await anonymousPages.Http.GetStringAsync("/Awards"));

        foreach (var client in new[] { anonymous, otherGroup.Http })
        {
            var json = await client.GetStringAsync($"/api/tasks/{task.Id}");
            Assert.True(
                !System.Text.Json.JsonDocument.Parse(json).RootElement.TryGetProperty("bidCount", out var count) || count.ValueKind == System.Text.Json.JsonValueKind.Null,
                json);
            Assert.DoesNotContain(Mimamori, json);
            Assert.DoesNotContain(Bousai, json);
            Assert.DoesNotContain("非公開の提案その", json);
            Assert.Equal(client == anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden,
                (await client.GetAsync($"/api/tasks/{task.Id}/bids")).StatusCode);
        }

        foreach (var pages in new[] { anonymousPages, otherPages })
        {
            var page = await pages.Http.GetStringAsync($"/Tasks/{task.Id}");
            Assert.DoesNotContain(Mimamori, page);
            Assert.DoesNotContain(Bousai, page);
            Assert.DoesNotContain("届いた提案", page);
            // The other group sees its own bid, and nobody else's.
            Assert.DoesNotContain("非公開の提案その一", page);
            Assert.DoesNotContain("非公開の提案その三", page);
            var board = await pages.Http.GetStringAsync("/Tasks?ward=takatsu&category=cleanup");
            Assert.DoesNotContain("届いた提案", board);
            Assert.DoesNotContain(Mimamori, board);
        }

        Assert.DoesNotContain(marker, await anonymousPages.Http.GetStringAsync("/Groups"));
        Assert.DoesNotContain(marker, await anonymous.GetStringAsync("/api/public/groups?pageSize=100"));
        foreach (var bidder in new[] { Mimamori, Bousai })
        {
            var id = (await AllGroupsAsync(anonymous)).Single(g => g.Name == bidder).Id;
            Assert.DoesNotContain(marker, await anonymousPages.Http.GetStringAsync($"/Organizations/{id}"));
        }
    }

    private async Task<(TaskDetailDto Task, ApiClient Officer, string Winner)> AwardedTaskAsync(string marker, string rationale = "近くで活動し、道具もそろっているためです。")
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var tamagawa = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var task = await PostTaskAsync(officer, $"決定する清掃 {marker}");
        var won = await mimamori.BidAsync(task.Id, 18_000, $"非公開の提案 {marker}");
        await tamagawa.BidAsync(task.Id, 19_000, $"非公開の提案 {marker}");
        factory.Clock.SetUtcNow(task.BidDeadline.AddMinutes(1));
        (await officer.AwardAsync(task.Id, won.Id, rationale)).EnsureSuccessStatusCode();
        return (task, officer, Mimamori);
    }

    private async Task<TaskDetailDto> PostTaskAsync(ApiClient officer, string title, string ward = "takatsu", string category = "cleanup")
    {
        var request = Requests.CleanupTask(factory.Clock.GetUtcNow());
        request["title"] = title;
        request["ward"] = ward;
        request["category"] = category;
        return await officer.PostTaskAsync(request);
    }

    private static async Task<List<AwardRegisterEntryDto>> AllAsync(HttpClient client, string filters)
    {
        var entries = new List<AwardRegisterEntryDto>();
        for (var page = 1; ; page++)
        {
            var result = await client.GetFromJsonAsync<PagedResult<AwardRegisterEntryDto>>($"/api/public/awards?pageSize=100&page={page}&{filters}", ApiClient.Json);
            entries.AddRange(result!.Items);
            if (entries.Count >= result.Total || result.Items.Count == 0)
            {
                return entries;
            }
        }
    }

    private static async Task<List<Features.Directory.PublicGroupDto>> AllGroupsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<PagedResult<Features.Directory.PublicGroupDto>>("/api/public/groups?pageSize=100", ApiClient.Json))!.Items];

    private static (List<string> Headers, List<string[]> Rows) Parse(byte[] utf8)
    {
        using var reader = CsvReader.Create(utf8);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return ([.. reader.Headers], rows);
    }

    /// <summary>The card of one task on the register page.</summary>
    private static string CardOf(string html, int taskId)
    {
        var match = Regex.Match(html, $"<li class=\"card\" data-task-id=\"{taskId}\">.*?</li>\\s*(?=<li class=\"card\"|</ul>)", RegexOptions.Singleline);
        Assert.True(match.Success, $"no card for task {taskId}");
        return match.Value;
    }

    private static string Marker() => Guid.NewGuid().ToString("N")[..8];
}
