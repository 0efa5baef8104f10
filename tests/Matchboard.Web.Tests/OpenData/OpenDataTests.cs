using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Matchboard.Web.Features.Visits;
using Matchboard.Web.Infrastructure.Scheduling;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests.OpenData;

/// <summary>
/// The OCDS open data (GET /api/public/ocds/...): tasks driven through their whole life over HTTP, every package
/// validated against the official release package schema with the bids extension merged in; what each stage's
/// release says; bid figures only after the reveal; nothing personal, ever.
/// </summary>
public sealed class OpenDataTests(OpenDataTests.OcdsFactory factory) : IClassFixture<OpenDataTests.OcdsFactory>
{
    private const string Ocid = "ocds-test01-kawasaki-";
    private const string HouseholdLabel = "B-07 佐藤様 木月三丁目";
    private const string VisitorName = "訪問員 山田"; // WorkSetup.Report's visitor
    private const string ReportNote = "台所の床に薬が落ちていました（秘密の記録）";

    [Fact]
    public async Task ATaskFromPublicationToCompletionGivesOneValidReleasePerStage()
    {
        var anonymous = factory.CreateClient();
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var body = Requests.WatchOverTask(factory.Clock.GetUtcNow());
        var task = await officer.PostTaskAsync(body);
        var ocid = Ocid + task.Id;

        var published = await PackageAsync(anonymous, task.Id);
        var tender = Assert.Single(Releases(published));
        Assert.Equal(["tender"], Tags(tender));
        Assert.Equal(ocid, (string)tender["ocid"]!);
        Assert.Equal("tender", (string)tender["initiationType"]!);
        Assert.Equal("active", (string)tender["tender"]!["status"]!);
        Assert.Equal("services", (string)tender["tender"]!["mainProcurementCategory"]!);
        Assert.Equal("open", (string)tender["tender"]!["procurementMethod"]!);
        Assert.Equal(180_000, (long)tender["tender"]!["value"]!["amount"]!);
        Assert.Equal("JPY", (string)tender["tender"]!["value"]!["currency"]!);
        Assert.Equal(task.BidDeadline, DateTimeOffset.Parse((string)tender["tender"]!["tenderPeriod"]!["endDate"]!));
        Assert.Equal(["buyer"], Roles(tender, officer.OrganizationId));

        var edit = new Dictionary<string, object?>(body) { ["feeYen"] = 200_000, ["title"] = "一人暮らしの高齢者の見守り訪問（週1回・改）" };
        edit.Remove("publish");
        (await officer.Http.PutAsJsonAsync($"/api/tasks/{task.Id}", edit)).EnsureSuccessStatusCode();
        var bid = await group.BidAsync(task.Id, 170_000, "提案書の本文は公開されません。");

        var bidding = await PackageAsync(anonymous, task.Id);
        Assert.Equal([["tender"], ["tenderUpdate"]], Releases(bidding).Select(Tags).ToList());
        // The tender as published keeps its first fee; the update carries the new one.
        Assert.Equal([180_000L, 200_000L], Releases(bidding).Select(r => (long)r["tender"]!["value"]!["amount"]!).ToList());
        // Sealed: no count, no name, no amount of any bid, before the reveal.
        var groupName = (await group.GetAsync<JsonObject>("/api/me"))["organization"]!["name"]!.GetValue<string>();
        Assert.DoesNotContain(groupName, bidding);
        Assert.DoesNotContain("170000", bidding);
        Assert.DoesNotContain("\"bids\"", bidding);
        Assert.DoesNotContain("numberOfTenderers", bidding);

        factory.Clock.SetUtcNow(task.BidDeadline.AddMinutes(1));
        var award = await officer.AwardAsync(task.Id, bid.Id, "訪問計画が具体的で、地域での経験が長いため決定しました。");
        award.EnsureSuccessStatusCode();
        var contractId = (await award.Content.ReadFromJsonAsync<Features.Contracts.ContractDto>(ApiClient.Json))!.Id;

        var awarded = await PackageAsync(anonymous, task.Id);
        var awardRelease = Assert.Single(Releases(awarded), r => Tags(r).SequenceEqual(["award"]));
        var theAward = awardRelease["awards"]![0]!;
        Assert.Equal(170_000, (long)theAward["value"]!["amount"]!);
        Assert.Equal("訪問計画が具体的で、地域での経験が長いため決定しました。", (string)theAward["description"]!);
        Assert.Equal($"org-{group.OrganizationId}", (string)theAward["suppliers"]![0]!["id"]!);
        Assert.Equal(["tenderer", "supplier"], Roles(awardRelease, group.OrganizationId));
        Assert.Equal(["buyer"], Roles(awardRelease, officer.OrganizationId));
        var statistics = awardRelease["bids"]!["statistics"]!.AsArray();
        Assert.Equal(1, (long)statistics.Single(s => (string)s!["measure"]! == "bids")!["value"]!);
        Assert.Equal(170_000, (long)statistics.Single(s => (string)s!["measure"]! == "lowestValidBidValue")!["value"]!);
        Assert.DoesNotContain("提案書の本文", awarded);
        // The releases from before the award stay as they were: sealed.
        Assert.All(Releases(awarded).Where(r => !Tags(r).SequenceEqual(["award"])), r => Assert.Null(r["bids"]));

        var household = await WorkSetup.PostOkAsync<HouseholdDto>(officer, $"/api/contracts/{contractId}/households", new { label = HouseholdLabel });
        await WorkSetup.PostOkAsync<HouseholdDto>(officer, $"/api/contracts/{contractId}/households/{household.Id}/consent",
            new { consentDate = Domain.JapanTime.DateOf(factory.Clock.GetUtcNow()), consentMethod = "InWriting" });
        await ContractSteps.FillInAsync(officer, group, contractId);
        await officer.SignAsync(contractId);
        await group.SignAsync(contractId);

        var signed = await PackageAsync(anonymous, task.Id);
        var contractRelease = Assert.Single(Releases(signed), r => Tags(r).SequenceEqual(["contract"]));
        var contract = contractRelease["contracts"]![0]!;
        Assert.Equal((string)theAward["id"]!, (string)contract["awardID"]!);
        Assert.Equal("active", (string)contract["status"]!);
        Assert.NotNull(contract["dateSigned"]);
        Assert.NotNull(contract["period"]!["startDate"]);
        var scheduled = Assert.Single(Releases(signed), r => Tags(r).SequenceEqual(["implementation"]));
        Assert.All(Milestones(scheduled), m => Assert.Equal("scheduled", (string)m["status"]!));

        var schedule = await officer.GetAsync<ScheduleDto>($"/api/contracts/{contractId}/visits");
        var first = schedule.Visits[0];
        factory.Clock.SetUtcNow(new DateTimeOffset(first.Date.ToDateTime(new TimeOnly(10, 0)), Domain.JapanTime.Offset));
        await WorkSetup.PostOkAsync<JsonObject>(group, $"/api/contracts/{contractId}/visits", WorkSetup.Report(first.Id, factory.Clock.GetUtcNow(), note: ReportNote));
        // The second visit day passes without a report: the sweep marks it missed.
        var second = schedule.Visits.First(v => v.Date > first.Date);
        factory.Clock.SetUtcNow(new DateTimeOffset(second.Date.AddDays(1).ToDateTime(new TimeOnly(1, 0)), Domain.JapanTime.Offset));
        await factory.Services.GetRequiredService<Sweeper>().SweepAsync(CancellationToken.None);

        var working = await PackageAsync(anonymous, task.Id);
        var implementation = Releases(working).Where(r => Tags(r).SequenceEqual(["implementation"])).MaxBy(r => (string)r["date"]!)!;
        var milestones = Milestones(implementation);
        Assert.Equal("met", (string)milestones.Single(m => (string)m["id"]! == $"visit-{first.Date:yyyy-MM-dd}")["status"]!);
        Assert.Equal("notMet", (string)milestones.Single(m => (string)m["id"]! == $"visit-{second.Date:yyyy-MM-dd}")["status"]!);
        Assert.Contains(milestones, m => (string)m["status"]! == "scheduled");

        factory.Clock.Advance(TimeSpan.FromHours(1));
        await group.SendAsync(HttpMethod.Post, $"/api/contracts/{contractId}/deliver", new { note = "訪問を終えました。" });
        await officer.SendAsync(HttpMethod.Post, $"/api/contracts/{contractId}/accept", null);

        var completed = await PackageAsync(anonymous, task.Id);
        var termination = Assert.Single(Releases(completed), r => Tags(r).SequenceEqual(["contractTermination"]));
        Assert.Equal("terminated", (string)termination["contracts"]![0]!["status"]!);
        // The work is over: the days it had still ahead are no longer milestones; what was met and missed stays.
        Assert.Equal(["met", "notMet"], Milestones(termination).Select(m => (string)m["status"]!).ToList());
        var ids = Releases(completed).Select(r => (string)r["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(Releases(completed), r => Assert.Equal(ocid, (string)r["ocid"]!));
        AssertNothingPersonal(completed);

        // The whole list carries the same releases, and validates too.
        var pages = new List<string>();
        var list = await AllPagesAsync(anonymous, $"/api/public/ocds/releases?since={Uri.EscapeDataString(task.CreatedAt.ToString("O"))}", pages);
        Assert.Equal(ids.Order(), list.Where(r => (string)r["ocid"]! == ocid).Select(r => (string)r["id"]!).Order());
        Assert.All(pages, AssertNothingPersonal);
    }

    [Fact]
    public async Task ACancellationBeforeTheDeadlineRevealsNothingAndOneAfterItRevealsTheBids()
    {
        var anonymous = factory.CreateClient();
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var groupName = (await group.GetAsync<JsonObject>("/api/me"))["organization"]!["name"]!.GetValue<string>();

        var early = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        await group.BidAsync(early.Id, 18_000);
        (await officer.PostJsonAsync($"/api/tasks/{early.Id}/cancel", null)).EnsureSuccessStatusCode();
        var cancelledEarly = await PackageAsync(anonymous, early.Id);
        Assert.Equal([["tender"], ["tenderCancellation"]], Releases(cancelledEarly).Select(Tags).ToList());
        Assert.Equal("cancelled", (string)Releases(cancelledEarly)[1]["tender"]!["status"]!);
        Assert.DoesNotContain(groupName, cancelledEarly);
        Assert.DoesNotContain("\"bids\"", cancelledEarly);

        var late = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        await group.BidAsync(late.Id, 19_000);
        factory.Clock.SetUtcNow(late.BidDeadline.AddMinutes(5));
        (await officer.PostJsonAsync($"/api/tasks/{late.Id}/cancel", null)).EnsureSuccessStatusCode();
        var cancelledLate = await PackageAsync(anonymous, late.Id);
        var cancellation = Assert.Single(Releases(cancelledLate), r => Tags(r).SequenceEqual(["tenderCancellation"]));
        Assert.Equal(19_000, (long)cancellation["bids"]!["details"]![0]!["value"]!["amount"]!);
        Assert.Equal(["tenderer"], Roles(cancellation, group.OrganizationId));
        Assert.Null(Releases(cancelledLate).Single(r => Tags(r).SequenceEqual(["tender"]))["bids"]);
    }

    [Fact]
    public async Task ATaskWithoutBidsClosesUnsuccessfulAndAnEndedEarlyContractIsTerminatedWithoutItsCancelledVisits()
    {
        var anonymous = factory.CreateClient();
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var lonely = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        factory.Clock.SetUtcNow(lonely.BidDeadline.AddMinutes(1));
        await factory.Services.GetRequiredService<Sweeper>().SweepAsync(CancellationToken.None);
        var unawarded = await PackageAsync(anonymous, lonely.Id);
        var closing = Releases(unawarded).Last();
        Assert.Equal(["tenderUpdate"], Tags(closing));
        Assert.Equal("unsuccessful", (string)closing["tender"]!["status"]!);
        Assert.Equal(0, (long)closing["bids"]!["statistics"]!.AsArray().Single(s => (string)s!["measure"]! == "bids")!["value"]!);

        var provider = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var work = await WorkSetup.ActiveWatchOverAsync(factory, await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer), provider, HouseholdLabel);
        await provider.SendAsync(HttpMethod.Post, $"/api/contracts/{work.ContractId}/terminate", new { reason = "佐藤様のご家族の事情で続けられなくなりました。" });
        var ended = await PackageAsync(anonymous, work.TaskId);
        var termination = Assert.Single(Releases(ended), r => Tags(r).SequenceEqual(["contractTermination"]));
        Assert.Equal("terminated", (string)termination["contracts"]![0]!["status"]!);
        // Visits cancelled by the early end are no longer milestones; the termination's reason is not published.
        var schedule = await work.Officer.GetAsync<ScheduleDto>($"/api/contracts/{work.ContractId}/visits");
        var cancelledDays = schedule.Visits.Where(v => v.Status == Domain.Visits.PlannedVisitStatus.Cancelled).Select(v => $"visit-{v.Date:yyyy-MM-dd}").ToList();
        Assert.NotEmpty(cancelledDays);
        Assert.All(Milestones(termination), m => Assert.DoesNotContain((string)m["id"]!, cancelledDays));
        Assert.DoesNotContain("家族の事情", ended);
        AssertNothingPersonal(ended);
    }

    [Fact]
    public async Task AnAwardTakenBackIsCancelledAndLosesItsReason()
    {
        var anonymous = factory.CreateClient();
        var steps = await ContractSteps.AwardedAsync(factory);
        factory.Clock.Advance(Domain.Contracts.Contract.DefaultSignWithin + TimeSpan.FromHours(1));
        (await steps.Officer.PostJsonAsync($"/api/contracts/{steps.ContractId}/withdraw-award", new { reason = "署名の期限を過ぎたため。" })).EnsureSuccessStatusCode();

        var package = await PackageAsync(anonymous, steps.TaskId);
        var awardId = $"award-{steps.ContractId}";
        Assert.Equal("pending", (string)Releases(package).Single(r => Tags(r).SequenceEqual(["award"]))["awards"]![0]!["status"]!);
        var cancellation = Assert.Single(Releases(package), r => Tags(r).SequenceEqual(["awardCancellation"]));
        var cancelled = cancellation["awards"]![0]!;
        Assert.Equal((awardId, "cancelled"), ((string)cancelled["id"]!, (string)cancelled["status"]!));
        Assert.Null(cancelled["description"]);
        Assert.DoesNotContain(Releases(package), r => Tags(r).SequenceEqual(["contract"]));
    }

    [Fact]
    public async Task DraftsAndUnknownTasksAreNotFoundAndNeverListed()
    {
        var anonymous = factory.CreateClient();
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var draft = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow(), publish: false));

        await ProblemAssert.HasCodeAsync(await anonymous.GetAsync($"/api/public/ocds/tasks/{draft.Id}"), HttpStatusCode.NotFound, "task.not-found");
        await ProblemAssert.HasCodeAsync(await officer.Http.GetAsync($"/api/public/ocds/tasks/{draft.Id}"), HttpStatusCode.NotFound, "task.not-found");
        await ProblemAssert.HasCodeAsync(await anonymous.GetAsync("/api/public/ocds/tasks/999999"), HttpStatusCode.NotFound, "task.not-found");
        var all = await AllPagesAsync(anonymous);
        Assert.DoesNotContain(all, r => (string)r["ocid"]! == Ocid + draft.Id);
    }

    [Fact]
    public async Task TheListPagesWithNextLinksUntilEveryReleaseIsGivenOnce()
    {
        var anonymous = factory.CreateClient();
        var all = await AllPagesAsync(anonymous);

        var ids = all.Select(r => (string)r["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // The seed alone gives more than a page: the first page is full and links to the next, the last links nowhere.
        Assert.True(ids.Count > OcdsFactory.PageSize, $"{ids.Count}");
        var first = JsonNode.Parse(await PackageAsync(anonymous, "/api/public/ocds/releases"))!;
        Assert.Equal(OcdsFactory.PageSize, first["releases"]!.AsArray().Count);
        Assert.Equal("http://localhost/api/public/ocds/releases?page=2", (string)first["links"]!["next"]!);
        var lastPage = (ids.Count + OcdsFactory.PageSize - 1) / OcdsFactory.PageSize;
        Assert.Null(JsonNode.Parse(await PackageAsync(anonymous, $"/api/public/ocds/releases?page={lastPage}"))!["links"]);
        var dates = all.Select(r => DateTimeOffset.Parse((string)r["date"]!)).ToList();
        Assert.Equal(dates.Order(), dates);
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/public/ocds/releases?page=0"), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/public/ocds/releases?since=yesterday"), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/public/ocds/releases?page=99999999999"), HttpStatusCode.BadRequest);

        // `since` keeps exactly the releases dated at or after it.
        var middle = dates[dates.Count / 2];
        var since = await AllPagesAsync(anonymous, "/api/public/ocds/releases?since=" + Uri.EscapeDataString(middle.ToString("O")));
        Assert.Equal(all.Where(r => DateTimeOffset.Parse((string)r["date"]!) >= middle).Select(r => (string)r["id"]!).Order(), since.Select(r => (string)r["id"]!).Order());
    }

    [Fact]
    public async Task TheValidatorRefusesAReleaseOutsideTheSchema()
    {
        // The validation is not vacuous: a tag outside the releaseTag codelist and a missing ocid are caught.
        var bad = """{"uri":"https://example.jp/p","version":"1.1","publishedDate":"2026-01-01T00:00:00Z","publisher":{"name":"x"},"releases":[{"id":"1","date":"2026-01-01T00:00:00Z","tag":["finished"],"initiationType":"tender","bids":{"statistics":[{"id":"1","measure":"bids"}]}}]}""";
        var errors = await OcdsSchemas.ValidateAsync(bad);
        Assert.Contains(errors, e => e.ToString().Contains("ocid", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.ToString().Contains("tag", StringComparison.Ordinal));
        // The merged-in bids extension is checked too: a statistic needs its value.
        Assert.Contains(errors, e => e.ToString().Contains("value", StringComparison.Ordinal));
    }

    /// <summary>A deployment's own OCID prefix and a small page, so that the seed alone spans several pages.</summary>
    public sealed class OcdsFactory : MatchboardFactory
    {
        public const int PageSize = 10;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Matchboard:Ocds:OcidPrefix", Ocid);
            builder.UseSetting("Matchboard:Ocds:PageSize", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static async Task<List<JsonObject>> AllPagesAsync(HttpClient client, string first = "/api/public/ocds/releases", List<string>? texts = null)
    {
        var releases = new List<JsonObject>();
        string? next = first;
        for (var pages = 0; next is not null && pages < 1000; pages++)
        {
            var json = await PackageAsync(client, next);
            releases.AddRange(Releases(json));
            texts?.Add(json);
            next = JsonNode.Parse(json)!["links"]?["next"]?.GetValue<string>();
        }

        return releases;
    }

    private Task<string> PackageAsync(HttpClient client, int taskId) => PackageAsync(client, $"/api/public/ocds/tasks/{taskId}");

    /// <summary>Reads a package anonymously and validates it against the official schemas: every package a test sees.</summary>
    private static async Task<string> PackageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {json}");
        var errors = await OcdsSchemas.ValidateAsync(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())) + "\n" + json);
        var package = JsonNode.Parse(json)!;
        Assert.Equal("1.1", (string)package["version"]!);
        Assert.False(string.IsNullOrEmpty((string)package["publisher"]!["name"]!));
        return json;
    }

    private static void AssertNothingPersonal(string json)
    {
        foreach (var personal in new[] { HouseholdLabel, "佐藤", VisitorName, ReportNote, "見守 一郎", "町会 花子", "contact@example.jp", "044-000-0000" })
        {
            Assert.DoesNotContain(personal, json);
        }
    }

    private static List<JsonObject> Releases(string json) =>
        JsonNode.Parse(json)!["releases"]!.AsArray().Select(r => r!.AsObject()).ToList();

    private static List<string> Tags(JsonObject release) => release["tag"]!.AsArray().Select(t => (string)t!).ToList();

    private static List<string> Roles(JsonObject release, int organizationId) =>
        release["parties"]!.AsArray().Single(p => (string)p!["id"]! == $"org-{organizationId}")!["roles"]!.AsArray().Select(r => (string)r!).ToList();

    private static List<JsonNode> Milestones(JsonObject release) =>
        release["contracts"]![0]!["implementation"]?["milestones"]?.AsArray().Select(m => m!).ToList() ?? [];
}
