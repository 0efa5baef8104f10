using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Matchboard.Domain.Visits;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Matchboard.Web.Tests;

/// <summary>
/// Thousands of generated hostile requests against every write endpoint of the API, found from the app's own
/// endpoint list, sent as the user who may call it with real ids, so that they reach the handlers. Every
/// request is built to be invalid; none may answer 5xx, and no table may change (checksums before and after).
/// </summary>
public sealed class HostileInputTests(HostileInputTests.HostileFactory factory, ITestOutputHelper output)
    : IClassFixture<HostileInputTests.HostileFactory>
{
    private const int MinimumRequests = 5_000;

    private static readonly string[] WriteMethods = ["POST", "PUT", "DELETE", "PATCH"];

    [Fact]
    public async Task ThousandsOfHostileRequestsGetNo5xxAndChangeNothing()
    {
        var ids = await SetUpAsync();
        var endpoints = WriteEndpoints();
        var requests = endpoints.SelectMany(e => Generate(e, ids)).ToList();
        // Stay at or above the floor with seeded random combinations of several bad fields at once.
        var random = new Random(7);
        var withBodies = endpoints.Where(e => Bodies.ContainsKey(e.BodyType ?? string.Empty) && !e.EnvelopeOnly).ToList();
        while (requests.Count < MinimumRequests + 200)
        {
            requests.Add(Combination(withBodies[random.Next(withBodies.Count)], ids, random));
        }

        var before = await DatabaseChecksum.OfEveryTableAsync(factory);
        var failures = new List<string>();
        var accepted = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        foreach (var request in requests)
        {
            var client = request.Endpoint.AsGroup ? ids.Group : ids.Officer;
            using var message = request.ToMessage();
            using var response = await client.SendAsync(message);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                failures.Add($"{status} {request}: {Truncate(await response.Content.ReadAsStringAsync())}");
            }
            else if (status < 300)
            {
                accepted.Add($"{status} {request}");
            }
        }

        var after = await DatabaseChecksum.OfEveryTableAsync(factory);

        output.WriteLine($"{requests.Count} requests against {endpoints.Count} write endpoints; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        output.WriteLine("Per endpoint:");
        foreach (var group in requests.GroupBy(r => r.Endpoint.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {group.Count(),5}  {group.Key}");
        }

        output.WriteLine("Per kind of mutation:");
        foreach (var group in requests.GroupBy(r => r.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {group.Count(),5}  {group.Key}");
        }

        foreach (var line in accepted.Take(20))
        {
            output.WriteLine($"accepted: {line}");
        }

        Assert.True(requests.Count >= MinimumRequests, $"only {requests.Count} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} responses 5xx:\n{string.Join("\n", failures.Take(20))}");
        Assert.True(DatabaseChecksum.Changed(before, after).Count == 0, "tables changed: " + string.Join("; ", DatabaseChecksum.Changed(before, after)) + "\naccepted:\n" + string.Join("\n", accepted.Take(20)));
        Assert.True(accepted.Count == 0, $"{accepted.Count} hostile requests accepted:\n{string.Join("\n", accepted.Take(20))}");
    }

    /// <summary>
    /// Every POST, PUT, DELETE or PATCH under /api, from the app's EndpointDataSource: a new write endpoint is in
    /// the run the day it is mapped (and fails it until its body has a valid base below).
    /// </summary>
    private List<WriteEndpoint> WriteEndpoints()
    {
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        var endpoints = source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Where(WriteMethods.Contains)
                .Select(method => new WriteEndpoint(method, e.RoutePattern.RawText!, e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType?.Name)))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(endpoints);
        var unknown = endpoints.Where(e => e.BodyType is not null && !e.EnvelopeOnly && !Bodies.ContainsKey(e.BodyType)).ToList();
        Assert.True(unknown.Count == 0, "Give these endpoints a valid base body in HostileInputTests.Bodies: " + string.Join(", ", unknown.Select(e => $"{e.Name} ({e.BodyType})")));
        return endpoints;
    }

    private static IEnumerable<HostileRequest> Generate(WriteEndpoint endpoint, Ids ids)
    {
        var path = ids.Fill(endpoint.Route);

        // Route parameters: ids that do not exist, do not fit an int, or are no number at all.
        foreach (var parameter in RouteParameters(endpoint.Route))
        {
            foreach (var (kind, value) in RouteValues)
            {
                var mutatedPath = ids.Fill(endpoint.Route, parameter, value);
                yield return new HostileRequest(endpoint, mutatedPath, kind, $"{{{parameter}}}={value}", endpoint.BodyType is null ? null : BaseJson(endpoint, ids), "application/json");
            }
        }

        if (endpoint.BodyType is null)
        {
            // A body-less action (sign, publish, cancel…) would be valid with any body: only its route is attacked.
            yield break;
        }

        foreach (var (kind, body, contentType) in Envelopes(endpoint.EnvelopeOnly ? "{\"email\":\"nobody@example.invalid\"}" : BaseJson(endpoint, ids)))
        {
            yield return new HostileRequest(endpoint, path, kind, "body", body, contentType);
        }

        if (endpoint.EnvelopeOnly)
        {
            yield break;
        }

        var fields = Bodies[endpoint.BodyType](ids);
        foreach (var field in fields)
        {
            foreach (var (kind, raw) in MutationsOf(field))
            {
                yield return new HostileRequest(endpoint, path, kind, field.Name, Json(fields, (field.Name, raw)), "application/json");
            }
        }
    }

    private static HostileRequest Combination(WriteEndpoint endpoint, Ids ids, Random random)
    {
        var fields = Bodies[endpoint.BodyType!](ids);
        var count = Math.Min(fields.Count, random.Next(2, 4));
        var chosen = fields.OrderBy(_ => random.Next()).Take(count)
            .Select(f => (Field: f, Mutation: MutationsOf(f).ToList() is var all ? all[random.Next(all.Count)] : default))
            .ToList();
        return new HostileRequest(
            endpoint,
            ids.Fill(endpoint.Route),
            "combined:" + string.Join("+", chosen.Select(c => c.Mutation.Kind.Split(':')[0]).Distinct().Order(StringComparer.Ordinal)),
            string.Join(",", chosen.Select(c => c.Field.Name)),
            Json(fields, [.. chosen.Select(c => (c.Field.Name, c.Mutation.Raw))]),
            "application/json");
    }

    private static readonly (string Kind, string Value)[] RouteValues =
    [
        ("route:absent-id", "0"),
        ("route:negative", "-1"),
        ("route:int-max", int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("route:overflow", "2147483648"),
        ("route:long-max", long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("route:float", "1.5"),
        ("route:not-a-number", "abc"),
        ("route:markup", Uri.EscapeDataString("<script>alert(1)</script>")),
        ("route:bidi-override", "%E2%80%AE1"),
        ("route:fullwidth-digit", Uri.EscapeDataString("１")),
    ];

    private static IEnumerable<string> RouteParameters(string route) =>
        System.Text.RegularExpressions.Regex.Matches(route, "{([a-zA-Z]+)(:[a-z]+)?}").Select(m => m.Groups[1].Value);

    private static IEnumerable<(string Kind, string Body, string ContentType)> Envelopes(string valid)
    {
        yield return ("envelope:empty-body", string.Empty, "application/json");
        yield return ("envelope:wrong-content-type", valid, "text/plain");
        yield return ("envelope:form-encoded", "title=x&amountYen=1", "application/x-www-form-urlencoded");
        yield return ("envelope:xml", "<request><title>x</title></request>", "application/xml");
        yield return ("envelope:truncated-json", valid[..(valid.Length / 2)], "application/json");
        yield return ("envelope:null-root", "null", "application/json");
        yield return ("envelope:array-root", "[]", "application/json");
        yield return ("envelope:number-root", "42", "application/json");
        yield return ("envelope:string-root", "\"text\"", "application/json");
        yield return ("envelope:deep-arrays", new string('[', 10_000) + new string(']', 10_000), "application/json");
        yield return ("envelope:deep-objects", string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000), "application/json");
        yield return ("envelope:trailing-garbage", valid + "}}}", "application/json");
        yield return ("envelope:comments", "/* hi */" + valid, "application/json");
        yield return ("envelope:invalid-utf8", InvalidUtf8, "application/json");
    }

    /// <summary>Values that are wrong for the field's kind. None is valid for the field it is put in.</summary>
    private static IEnumerable<(string Kind, string Raw)> MutationsOf(Field field)
    {
        var isText = field.Kind is Kind.Text or Kind.OptionalText;

        // Wrong JSON types.
        foreach (var raw in field.Kind switch
        {
            Kind.Text or Kind.OptionalText => new[] { "12345", "true", "{}", "[\"a\"]", "-0.5" },
            Kind.Bool => ["\"yes\"", "1", "\"true\"", "{}", "[]"],
            Kind.EnumArray or Kind.NameArray => ["\"Tuesday\"", "7", "{}", "true", "[[\"Tuesday\"]]"],
            Kind.Object => ["\"Fine\"", "7", "[]", "true", "[{}]"],
            _ => ["\"12\"", "true", "{}", "[1]", "\"\""],
        })
        {
            yield return ("wrong-type", raw);
        }

        // Huge strings: 100k+ characters, ASCII and Japanese.
        yield return ("huge-string", Quote(new string('a', 100_001)));
        yield return ("huge-string", Quote(new string('あ', 100_001)));

        // Deep JSON inside one field.
        yield return ("deep-json", new string('[', 10_000) + new string(']', 10_000));
        yield return ("deep-json", string.Concat(Enumerable.Repeat("{\"a\":", 2_000)) + "1" + new string('}', 2_000));

        // Markup: a type error outside text, and made invalid inside it by an override character.
        yield return ("markup", Quote(isText ? "<script>\u202Ealert(1)</script>" : "<script>alert(1)</script>"));
        yield return ("markup", Quote(isText ? "<img src=x onerror=alert(1)>\u0000" : "<b>1</b>"));

        switch (field.Kind)
        {
            case Kind.Text or Kind.OptionalText:
                yield return ("unicode:zero-width", Quote("\u200B\u200B\u200B"));
                yield return ("unicode:zero-width", Quote("\uFEFF\u2060\u200D"));
                yield return ("unicode:combining-only", Quote("\u0301\u0308\u0327"));
                yield return ("unicode:bidi-override", Quote("見守り\u202E訪問"));
                yield return ("unicode:bidi-isolate", Quote("見守り\u2066訪問\u2069"));
                yield return ("unicode:nul", Quote("見守り\u0000訪問"));
                yield return ("unicode:c0-control", Quote("見守り\u001B[2J訪問"));
                yield return ("unicode:c1-control", Quote("見守り\u0085\u009B訪問"));
                yield return ("unicode:lone-surrogate", "\"見守り\\ud800訪問\"");
                yield return ("unicode:lone-surrogate", "\"\\udc00\"");
                yield return ("unicode:emoji-too-long", Quote(string.Concat(Enumerable.Repeat("👨‍👩‍👧", 1_500))));
                yield return ("unicode:combining-too-long", Quote(string.Concat(Enumerable.Repeat("が\u0301", 5_000))));
                yield return ("unicode:hangul-filler", Quote("\u3164\u3164"));
                break;
            case Kind.Int or Kind.Long or Kind.Id:
                yield return ("number:negative", "-1");
                yield return ("number:int-min", int.MinValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
                yield return ("number:float", "1.5");
                yield return ("number:exponent", "1e308");
                yield return ("number:overflow", "92233720368547758070");
                // Reading notifications up to a huge sequence means "all of them": valid, so not a mutation of upTo.
                if (field.Name != "upTo")
                {
                    yield return ("number:long-max", long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    yield return ("number:int-max", int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                yield return ("number:nan", "\"NaN\"");
                break;
            case Kind.Date:
                yield return ("date:0001-01-01", Quote("0001-01-01"));
                yield return ("date:9999-12-31", Quote("9999-12-31"));
                yield return ("date:impossible", Quote("2026-02-30"));
                yield return ("date:with-time", Quote("2026-05-01T10:00:00+09:00"));
                yield return ("date:japanese", Quote("令和8年5月1日"));
                yield return ("date:number", "20260501");
                break;
            case Kind.DateTime:
                yield return ("date:0001-01-01", Quote("0001-01-01T00:00:00+00:00"));
                yield return ("date:9999-12-31", Quote("9999-12-31T23:59:59+00:00"));
                yield return ("date:no-offset-max", Quote("9999-12-31T23:59:59"));
                yield return ("date:no-offset-min", Quote("0001-01-01T00:00:00"));
                yield return ("date:impossible", Quote("2026-13-45T25:61:00+09:00"));
                yield return ("date:offset-out-of-range", Quote("2026-05-01T10:00:00+15:00"));
                yield return ("date:number", "1767225600");
                break;
            case Kind.Enum:
                yield return ("enum:unknown-name", Quote("NotAValue"));
                yield return ("enum:number-string", Quote("99"));
                yield return ("enum:number", "99");
                yield return ("enum:number", "-1");
                yield return ("enum:number-in-range", "1");
                yield return ("enum:empty", Quote(string.Empty));
                break;
            case Kind.EnumArray:
                yield return ("enum:unknown-name", "[\"Someday\"]");
                yield return ("enum:number", "[99]");
                yield return ("enum:number-in-range", "[2]");
                yield return ("enum:empty-array", "[]");
                break;
            case Kind.NameArray:
                yield return ("enum:unknown-name", "[\"NotAType\"]");
                yield return ("enum:number", "[99]");
                yield return ("enum:null-item", "[null]");
                yield return ("unicode:nul", "[\"BidPlaced\\u0000\"]");
                break;
            case Kind.Object:
                foreach (var child in new[] { "health", "meals", "sleep", "goingOut", "dailyLife", "worries" })
                {
                    yield return ("enum:unknown-name", $"{{\"{child}\":\"Maybe\"}}");
                    yield return ("enum:number", $"{{\"{child}\":99}}");
                }

                break;
        }
    }

    private static readonly Dictionary<string, Func<Ids, List<Field>>> Bodies = new()
    {
        [nameof(CreateTaskRequest)] = ids =>
        [
            new("title", Kind.Text, Quote("一人暮らしの高齢者の見守り訪問（週1回）")),
            new("description", Kind.Text, Quote("12世帯を週1回訪問してください。")),
            new("category", Kind.Text, Quote("watch-over")),
            new("ward", Kind.Text, Quote("nakahara")),
            new("town", Kind.Text, Quote("木月")),
            new("startDate", Kind.Date, Quote(ids.Today.AddDays(10).ToString("yyyy-MM-dd"))),
            new("endDate", Kind.Date, Quote(ids.Today.AddDays(100).ToString("yyyy-MM-dd"))),
            new("visitWeekdays", Kind.EnumArray, "[\"Tuesday\"]"),
            new("isVolunteer", Kind.Bool, "false"),
            new("feeYen", Kind.Long, "180000"),
            new("bidDeadline", Kind.DateTime, Quote($"{ids.Today.AddDays(3):yyyy-MM-dd}T17:00:00+09:00")),
            new("certificationRequired", Kind.Bool, "true"),
            new("insuranceRequired", Kind.Bool, "true"),
            new("householdsServed", Kind.Int, "12"),
            new("publish", Kind.Bool, "true"),
        ],
        ["TaskRequest"] = ids =>
        [
            new("title", Kind.Text, Quote("一人暮らしの高齢者の見守り訪問（週1回・改）")),
            new("description", Kind.Text, Quote("12世帯を週1回訪問してください。")),
            new("category", Kind.Text, Quote("watch-over")),
            new("ward", Kind.Text, Quote("nakahara")),
            new("town", Kind.Text, Quote("木月")),
            new("startDate", Kind.Date, Quote(ids.Today.AddDays(10).ToString("yyyy-MM-dd"))),
            new("endDate", Kind.Date, Quote(ids.Today.AddDays(100).ToString("yyyy-MM-dd"))),
            new("visitWeekdays", Kind.EnumArray, "[\"Tuesday\"]"),
            new("isVolunteer", Kind.Bool, "false"),
            new("feeYen", Kind.Long, "180000"),
            new("bidDeadline", Kind.DateTime, Quote($"{ids.Today.AddDays(4):yyyy-MM-dd}T17:00:00+09:00")),
            new("certificationRequired", Kind.Bool, "true"),
            new("insuranceRequired", Kind.Bool, "true"),
            new("householdsServed", Kind.Int, "12"),
        ],
        ["BidRequest"] = ids =>
        [
            new("amountYen", Kind.Long, "170000"),
            new("proposal", Kind.Text, Quote("2人1組で訪問します。")),
            new("staffPlanned", Kind.Int, "4"),
            new("earliestStart", Kind.Date, Quote(ids.Today.AddDays(10).ToString("yyyy-MM-dd"))),
        ],
        // The message is optional (blank reads as none), so the base leaves it out: every mutation is of the ids.
        ["SendSupportRequest"] = ids => [new("supporterId", Kind.Int, $"{ids.SupporterId}"), new("taskId", Kind.Int, $"{ids.OpenTaskWithoutBid}")],
        ["AskQuestionRequest"] = _ => [new("text", Kind.Text, Quote("訪問の曜日は選べますか。"))],
        ["InviteGroupRequest"] = ids => [new("organizationId", Kind.Id, ids.GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        ["AnswerQuestionRequest"] = _ => [new("answer", Kind.Text, Quote("火曜日でお願いします。"))],
        ["AwardRequest"] = ids => [new("bidId", Kind.Id, ids.ClosedTaskBidId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("rationale", Kind.Text, Quote("中原区での見守りの経験が長く、計画も具体的だったため。"))],
        ["TermsRequest"] = _ =>
        [
            new("paymentTiming", Kind.Enum, Quote("OnCompletion")),
            new("paymentNote", Kind.OptionalText, Quote("完了の確認後、翌月末までに振り込みます。")),
            new("insurance", Kind.Text, Quote("団体がボランティア活動保険に加入します。")),
        ],
        ["ContactRequest"] = _ => [new("name", Kind.Text, Quote("町会 花子")), new("phone", Kind.Text, Quote("044-000-0001")), new("email", Kind.Text, Quote("kaicho@example.jp"))],
        ["ReasonRequest"] = _ => [new("reason", Kind.Text, Quote("都合により終了します。"))],
        ["CertificationGrantRequest"] = ids =>
        [
            new("number", Kind.Text, Quote("川崎市認証 第2026-0999号")),
            new("validFrom", Kind.Date, Quote(ids.Today.ToString("yyyy-MM-dd"))),
            new("validTo", Kind.Date, Quote(ids.Today.AddDays(365).ToString("yyyy-MM-dd"))),
            new("note", Kind.OptionalText, Quote("書類を確認しました。")),
        ],
        ["CertificationReasonRequest"] = _ => [new("reason", Kind.Text, Quote("調査のため一時停止します。"))],
        ["DeliverRequest"] = _ => [new("note", Kind.Text, Quote("すべての訪問を終えました。"))],
        ["AcknowledgeRequest"] = _ => [new("note", Kind.OptionalText, Quote("電話で様子を確認しました。"))],

        // City staff only: the officer who sends these is refused whatever the body (the decisions have their own tests).
        ["DecideRequest"] = _ => [new("decision", Kind.Enum, Quote("Declined")), new("reason", Kind.OptionalText, Quote("書類が足りません。")), new("version", Kind.Int, "1")],

        // A file upload is multipart: JSON of any shape is refused (415); hostile files are VerificationDocumentTests'.
        ["IFormFile"] = _ => [new("kind", Kind.Enum, Quote("Articles"))],
        ["ReviewRequest"] = _ => [new("rating", Kind.Int, "5"), new("comment", Kind.Text, Quote("丁寧に訪問していただきました。"))],
        ["ReplyRequest"] = _ => [new("text", Kind.Text, Quote("ありがとうございました。"))],
        ["FileComplaintRequest"] = _ => [new("subject", Kind.Enum, Quote("Conduct")), new("contractId", Kind.Id, "1"), new("text", Kind.Text, Quote("連絡が遅れがちです。"))],
        ["AnswerComplaintRequest"] = _ => [new("answer", Kind.Text, Quote("事情を伺いました。")), new("version", Kind.Int, "1")],
        ["ReportReviewRequest"] = _ => [new("reason", Kind.Text, Quote("不適切な表現があります。"))],
        ["HideReviewRequest"] = _ => [new("reason", Kind.Text, Quote("個人への侮辱を含むため"))],
        ["FileReportRequest"] = ids =>
        [
            new("plannedVisitId", Kind.Id, ids.PlannedVisitId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("visitedAt", Kind.DateTime, JsonSerializer.Serialize(ids.Now.AddHours(-1))),
            new("visitorName", Kind.Text, Quote("訪問員 山田")),
            new("status", Kind.Enum, Quote("Ok")),
            new("checklist", Kind.Object, "{\"health\":\"Fine\",\"meals\":\"Fine\",\"sleep\":\"Fine\",\"goingOut\":\"NotAsked\",\"dailyLife\":\"Fine\",\"worries\":\"Fine\"}"),
            new("note", Kind.OptionalText, Quote("お元気でした。")),
        ],
        ["VisitDateRequest"] = ids => [new("date", Kind.Date, Quote(ids.Today.AddDays(7).ToString("yyyy-MM-dd")))],
        ["RegisterHouseholdRequest"] = _ => [new("label", Kind.Text, Quote("B-01 木月三丁目"))],
        ["ConsentRequest"] = ids => [new("consentDate", Kind.Date, Quote(ids.Today.ToString("yyyy-MM-dd"))), new("consentMethod", Kind.Enum, Quote("InWriting"))],
        ["AssignVisitorRequest"] = _ => [new("visitorName", Kind.Text, Quote("訪問員 佐藤"))],
        ["MarkReadRequest"] = _ => [new("upTo", Kind.Long, "0")],
        ["EmailPreferencesRequest"] = _ => [new("types", Kind.NameArray, "[\"BidPlaced\"]")],
        ["InsuranceRequest"] = ids =>
        [
            new("insurer", Kind.Text, Quote("あいおいニッセイ同和損保")),
            new("policyNumber", Kind.OptionalText, Quote("VA-2026-0001")),
            new("validUntil", Kind.Date, Quote(ids.Today.AddDays(365).ToString("yyyy-MM-dd"))),
        ],

        // An address that already has an account: even a variant that slipped through would be refused (409).
        ["InviteRequest"] = _ => [new("email", Kind.Text, Quote(DemoAccounts.MizonokuchiOfficer))],
        ["AcceptInvitationRequest"] = _ => [new("token", Kind.Text, Quote("forged-token")), new("displayName", Kind.Text, Quote("招待 太郎")), new("password", Kind.Text, Quote("Invited-2026!"))],
        ["DeactivateRequest"] = _ => [new("reason", Kind.Text, Quote("退任されたため。"))],
    };

    /// <summary>The valid body of an endpoint, unmutated: used under the envelope and route mutations only.</summary>
    private static string BaseJson(WriteEndpoint endpoint, Ids ids) =>
        Bodies.TryGetValue(endpoint.BodyType!, out var body) ? Json(body(ids)) : "{}";

    private static string Json(List<Field> fields, params (string Name, string Raw)[] replaced)
    {
        var json = new StringBuilder("{");
        foreach (var field in fields)
        {
            if (json.Length > 1)
            {
                json.Append(',');
            }

            var raw = replaced.FirstOrDefault(r => r.Name == field.Name).Raw ?? field.Raw;
            json.Append('"').Append(field.Name).Append("\":").Append(raw);
        }

        return json.Append('}').ToString();
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text);

    private static string Truncate(string text) => text.Length > 300 ? text[..300] : text;

    /// <summary>
    /// The objects the run aims at, set up through the API like a user would: an active watch-over contract with a
    /// household and today's visit, an open task with the group's bid and question, a second open task without a
    /// bid, a task past its deadline with a live bid, and an open alert. Notifications are read first, so that
    /// marking them read finds nothing to change.
    /// </summary>
    private async Task<Ids> SetUpAsync()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var work = await WorkSetup.ActiveWatchOverAsync(factory, officer, group);

        // The work's first visit day is now; a task posted now, and one with a bid to award once its deadline passed.
        var closed = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        var closedBid = await group.BidAsync(closed.Id);
        factory.Clock.SetUtcNow(closed.BidDeadline.AddMinutes(1));
        var now = factory.Clock.GetUtcNow();
        var withBid = await officer.PostTaskAsync(Requests.WatchOverTask(now));
        await group.BidAsync(withBid.Id);
        var asked = await WorkSetup.PostOkAsync<QuestionDto>(group, $"/api/tasks/{withBid.Id}/questions", new { text = "駐車場はありますか。" });
        var withoutBid = await officer.PostTaskAsync(Requests.WatchOverTask(now));
        var report = await WorkSetup.PostOkAsync<JsonElement>(group, $"/api/contracts/{work.ContractId}/visits",
            WorkSetup.Report(work.Schedule.Visits[0].Id, now.AddMinutes(-5), status: "Concern", note: "食欲がないそうです。"));

        foreach (var client in new[] { officer, group })
        {
            (await client.PostJsonAsync("/api/notifications/read", new { upTo = long.MaxValue })).EnsureSuccessStatusCode();
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var alertId = await db.Set<VisitAlert>().Where(a => a.ContractId == work.ContractId).Select(a => a.Id).FirstAsync();
        var reviewId = await db.Reviews.Select(r => (int?)r.Id).FirstOrDefaultAsync() ?? 1;
        var supporterId = await db.Organizations.Where(o => o.Kind == Domain.Organizations.OrganizationKind.Supporter && o.IsVerified && o.Ward == "nakahara").Select(o => o.Id).FirstAsync();
        var supportRequest = await WorkSetup.PostOkAsync<JsonElement>(officer, "/api/support-requests", new { supporterId, taskId = withBid.Id });
        Assert.True(report.ValueKind == JsonValueKind.Object);
        return new Ids(officer.Http, group.Http, now)
        {
            OpenTaskWithBid = withBid.Id,
            OpenTaskWithoutBid = withoutBid.Id,
            ClosedTask = closed.Id,
            ClosedTaskBidId = closedBid.Id,
            QuestionId = asked.Id,
            ContractId = work.ContractId,
            PlannedVisitId = work.Schedule.Visits.Skip(1).First().Id,
            HouseholdId = work.HouseholdId,
            AlertId = alertId,
            ReviewId = reviewId,
            SupporterId = supporterId,
            SupportRequestId = supportRequest.GetProperty("id").GetInt32(),
            GroupId = group.OrganizationId,
        };
    }

    private enum Kind
    {
        Text,
        OptionalText,
        Int,
        Long,
        Id,
        Bool,
        Date,
        DateTime,
        Enum,
        EnumArray,
        NameArray,
        Object,
    }

    private sealed record Field(string Name, Kind Kind, string Raw);

    private sealed record WriteEndpoint(string Method, string Route, string? BodyType)
    {
        public string Name => $"{Method} {Route}";

        /// <summary>
        /// Identity's own endpoints (B's part) and the sign-up: attacked only through the envelope, never with a real
        /// account's email. A sign-up's single-field mutations are not all refusals (an optional field left out is a
        /// valid sign-up), so its refusals are tested field by field in JoiningTests instead.
        /// </summary>
        public bool EnvelopeOnly => Route.StartsWith("/api/auth", StringComparison.Ordinal) || Route == "/api/registrations";

        /// <summary>Who may call it: the group for what groups do, the association for the rest.</summary>
        public bool AsGroup =>
            Route.Contains("/bids", StringComparison.Ordinal)
            || (Method == "POST" && Route.TrimEnd('/').EndsWith("/questions", StringComparison.Ordinal))
            || Route.EndsWith("/visits", StringComparison.Ordinal)
            || Route.EndsWith("/propose", StringComparison.Ordinal)
            || Route.EndsWith("/visitor", StringComparison.Ordinal)
            || Route.EndsWith("/deliver", StringComparison.Ordinal)
            || Route.TrimEnd('/').EndsWith("/insurance", StringComparison.Ordinal);
    }

    /// <summary>Stands for a body whose bytes are not UTF-8 at all (a string cannot hold them).</summary>
    private const string InvalidUtf8 = "\uE000invalid-utf8\uE000";

    private sealed record HostileRequest(WriteEndpoint Endpoint, string Path, string Kind, string Target, string? Body, string ContentType)
    {
        public HttpRequestMessage ToMessage()
        {
            var message = new HttpRequestMessage(new HttpMethod(Endpoint.Method), Path);
            if (Body == InvalidUtf8)
            {
                // Bytes that are no UTF-8 at all, where the reader must look at them (not inside a property it skips).
                message.Content = new ByteArrayContent([.. "{"u8, 0xFF, 0xFE, 0xC0, 0x80, .. "}"u8]);
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
            }
            else if (Body is not null)
            {
                message.Content = new StringContent(Body, Encoding.UTF8);
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
            }

            message.Headers.AcceptLanguage.ParseAdd(Body?.Length % 2 == 0 ? "en" : "ja");
            return message;
        }

        public override string ToString() => $"{Endpoint.Name} [{Kind} on {Target}] {Path}";
    }

    private sealed record Ids(HttpClient Officer, HttpClient Group, DateTimeOffset Now)
    {
        public DateOnly Today => Domain.JapanTime.DateOf(Now);

        public int OpenTaskWithBid { get; init; }

        public int OpenTaskWithoutBid { get; init; }

        public int ClosedTask { get; init; }

        public int ClosedTaskBidId { get; init; }

        public int QuestionId { get; init; }

        public int ContractId { get; init; }

        public int PlannedVisitId { get; init; }

        public int HouseholdId { get; init; }

        public int AlertId { get; init; }

        public int ReviewId { get; init; }

        /// <summary>The demo supporter of 中原区, and an open request of the officer's association to it.</summary>
        public int SupporterId { get; init; }

        public int SupportRequestId { get; init; }

        /// <summary>The group's organization (certified): whom the officer's base invitation invites.</summary>
        public int GroupId { get; init; }

        /// <summary>The route with real ids, one parameter replaced by a hostile value if asked.</summary>
        public string Fill(string route, string? parameter = null, string? value = null) =>
            System.Text.RegularExpressions.Regex.Replace(route, "{([a-zA-Z]+)(:[a-z]+)?}", m =>
                m.Groups[1].Value == parameter ? value! : IdFor(route, m.Groups[1].Value).ToString(System.Globalization.CultureInfo.InvariantCulture));

        private int IdFor(string route, string parameter) => (parameter, route.TrimEnd('/')) switch
        {
            ("taskId", var r) when r.EndsWith("/award", StringComparison.Ordinal) => ClosedTask,
            ("taskId", var r) when r.EndsWith("/bids", StringComparison.Ordinal) || r.EndsWith("/questions", StringComparison.Ordinal) => OpenTaskWithoutBid,
            ("taskId", _) => OpenTaskWithBid,
            ("visitId", _) => PlannedVisitId,
            ("householdId", _) => HouseholdId,
            ("reviewId", _) => ReviewId,
            ("userId", _) => 0,

            // The first seeded organization: the officer is no city staff, so every body is refused anyway (403).
            ("organizationId", _) => 1,
            ("id", var r) when r.StartsWith("/api/tasks", StringComparison.Ordinal) => OpenTaskWithBid,
            ("id", var r) when r.StartsWith("/api/questions", StringComparison.Ordinal) => QuestionId,
            ("id", var r) when r.StartsWith("/api/alerts", StringComparison.Ordinal) => AlertId,
            ("id", var r) when r.StartsWith("/api/support-requests", StringComparison.Ordinal) => SupportRequestId,
            ("id", _) => ContractId,
            _ => throw new InvalidOperationException($"No id for {{{parameter}}} in {route}: add it to HostileInputTests.Ids."),
        };
    }

    /// <summary>The shared factory with the write limit out of the way: the run is about input, not rate.</summary>
    public sealed class HostileFactory : MatchboardFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Matchboard:WritesPerMinute", "1000000");

            // Thousands of refusals, each logged with its exception, would make the run about the console.
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        }
    }
}
