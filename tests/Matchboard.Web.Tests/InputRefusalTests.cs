using System.Net;
using System.Net.Http.Json;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>
/// Input an attacker (or a slip of the keyboard) sends is refused with a localized 400 naming the field, and
/// changes nothing: far dates, bids out of bounds, text with nothing visible or with controls, enums by number.
/// </summary>
public sealed class InputRefusalTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    public static TheoryData<string, string> DatesOutOfRange => new()
    {
        { "bidDeadline", "9999-12-31T23:59:59+00:00" },
        { "bidDeadline", "9999-12-31T23:59:59" },
        { "bidDeadline", "0001-01-01T00:00:00+00:00" },
        { "bidDeadline", "0001-01-01T00:00:00" },
        { "startDate", "9999-12-31" },
        { "endDate", "9999-12-31" },
        { "startDate", "0001-01-01" },
    };

    [Theory]
    [MemberData(nameof(DatesOutOfRange))]
    public async Task ADateOutsideTheWindowIsRefusedNotCrashedOn(string field, string value)
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var request = Requests.WatchOverTask(factory.Clock.GetUtcNow());
        request[field] = value;

        await AssertRefusedAsync(() => officer.Http.PostAsJsonAsync("/api/tasks", request), field);
    }

    [Fact]
    public async Task ADeadlineMoreThanTwoYearsAheadIsRefused()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var now = factory.Clock.GetUtcNow();
        var request = Requests.WatchOverTask(now);
        request["bidDeadline"] = now.AddYears(3);
        request["startDate"] = DateOnly.FromDateTime(now.AddYears(3).AddDays(10).DateTime).ToString("yyyy-MM-dd");
        request["endDate"] = DateOnly.FromDateTime(now.AddYears(3).AddDays(100).DateTime).ToString("yyyy-MM-dd");

        await AssertRefusedAsync(() => officer.Http.PostAsJsonAsync("/api/tasks", request), "bidDeadline");
    }

    [Fact]
    public async Task ADeadlineWithoutAnOffsetIsReadAsJapanTime()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var request = Requests.WatchOverTask(factory.Clock.GetUtcNow());
        var day = DateOnly.FromDateTime(factory.Clock.GetUtcNow().AddDays(3).DateTime);
        request["bidDeadline"] = $"{day:yyyy-MM-dd}T17:00:00";

        var task = await officer.PostTaskAsync(request);

        Assert.Equal(new DateTimeOffset(day.ToDateTime(new TimeOnly(17, 0)), TimeSpan.FromHours(9)), task.BidDeadline);
    }

    public static TheoryData<string, object> BidsOutOfBounds => new()
    {
        { "amountYen", 0 },
        { "amountYen", 100_000_000 },
        { "amountYen", 1_800_001 },
        { "staffPlanned", int.MaxValue },
        { "staffPlanned", 101 },
        { "earliestStart", "0001-01-01" },
        { "earliestStart", "9999-12-31" },
        { "earliestStart", "yesterday" },
        { "earliestStart", "after-end" },
    };

    /// <summary>The task pays ¥180,000: a bid may ask from ¥1 to ten times that, with 1 to 100 people, from today to the task's end.</summary>
    [Theory]
    [MemberData(nameof(BidsOutOfBounds))]
    public async Task ABidOutOfBoundsIsRefused(string field, object value)
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var now = factory.Clock.GetUtcNow();
        var task = await officer.PostTaskAsync(Requests.WatchOverTask(now));
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var bid = new Dictionary<string, object?>
        {
            ["amountYen"] = 170_000,
            ["proposal"] = "2人1組で訪問します。",
            ["staffPlanned"] = 4,
            ["earliestStart"] = task.StartDate.ToString("yyyy-MM-dd"),
        };
        bid[field] = value switch
        {
            "yesterday" => DateOnly.FromDateTime(now.AddHours(9).AddDays(-1).DateTime).ToString("yyyy-MM-dd"),
            "after-end" => task.EndDate.AddDays(1).ToString("yyyy-MM-dd"),
            _ => value,
        };

        await AssertRefusedAsync(() => group.Http.PostAsJsonAsync($"/api/tasks/{task.Id}/bids", bid), field);
    }

    public static TheoryData<string, string> HiddenOrControlText => new()
    {
        { "title", "\u200B\u200B\u200B" },
        { "title", "\uFEFF\u2060 \u3000" },
        { "title", "見守り\u0000訪問" },
        { "title", "見守り\u0085訪問" },
        { "title", "見守り\n訪問" },
        { "description", "支払いは\u202E000,01\u202C円" },
        { "description", "訪問\u2066先\u2069" },
        { "description", "\u0301\u0301" },
        { "town", "木月\u0007" },
    };

    [Theory]
    [MemberData(nameof(HiddenOrControlText))]
    public async Task TextWithNothingVisibleOrWithControlsIsRefused(string field, string value)
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var request = Requests.WatchOverTask(factory.Clock.GetUtcNow());
        request[field] = value;

        await AssertRefusedAsync(() => officer.Http.PostAsJsonAsync("/api/tasks", request), field);
    }

    [Fact]
    public async Task AQuestionWithABidiOverrideIsRefused()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var task = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);

        await AssertRefusedAsync(() => group.Http.PostAsJsonAsync($"/api/tasks/{task.Id}/questions", new { text = "\u202Eこれは質問です" }), "text");
    }

    [Fact]
    public async Task MultiLineTextKeepsItsLineBreaks()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var request = Requests.WatchOverTask(factory.Clock.GetUtcNow());
        request["description"] = "1行目\r\n2行目\t（週1回）";

        var task = await officer.PostTaskAsync(request);

        Assert.Equal("1行目\r\n2行目\t（週1回）", task.Description);
    }

    [Theory]
    [InlineData("status=99")]
    [InlineData("status=-1")]
    [InlineData("ward=nakahara&category=watch-over&status=77")]
    public async Task AnUnknownStatusFilterIsABadRequest(string query)
    {
        var response = await factory.CreateClient().GetAsync($"/api/tasks?{query}");

        var problem = await ProblemAssert.HasCodeAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _), problem.ToString());
    }

    [Fact]
    public async Task AnEnumSentAsANumberIsRefused()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var request = Requests.WatchOverTask(factory.Clock.GetUtcNow());
        request["visitWeekdays"] = new[] { 2 };
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var response = await officer.Http.PostAsJsonAsync("/api/tasks", request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    [Theory]
    [InlineData("ja", "範囲外の値です。")]
    [InlineData("en", "This value is out of range.")]
    public async Task TheRefusalIsInTheUsersLanguage(string language, string expected)
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var request = Requests.WatchOverTask(factory.Clock.GetUtcNow());
        request["bidDeadline"] = "9999-12-31T23:59:59+00:00";
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/tasks") { Content = JsonContent.Create(request) };
        message.Headers.AcceptLanguage.ParseAdd(language);

        var response = await officer.Http.SendAsync(message);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(expected, problem.GetProperty("errors").GetProperty("bidDeadline")[0].GetString());
    }

    [Fact]
    public async Task ACancelledDraftThatWasNeverPublishedStaysPrivate()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var draft = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow(), publish: false));
        (await officer.Http.PostAsync($"/api/tasks/{draft.Id}/cancel", null)).EnsureSuccessStatusCode();
        var anonymous = factory.CreateClient();
        var otherOfficer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Tasks/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/tasks/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await group.Http.GetAsync($"/api/tasks/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOfficer.Http.GetAsync($"/api/tasks/{draft.Id}")).StatusCode);
        foreach (var viewer in new[] { group.Http, otherOfficer.Http })
        {
            var board = await viewer.GetStringAsync("/api/tasks?status=Cancelled&pageSize=100");
            Assert.DoesNotContain($"\"id\":{draft.Id},", board);
        }

        Assert.DoesNotContain($"/Tasks/{draft.Id}\"", await (await PageClient.CreateAsync(factory, DemoAccounts.MimamoriStaff)).Http.GetStringAsync("/Tasks"));
        Assert.Equal(HttpStatusCode.OK, (await officer.Http.GetAsync($"/api/tasks/{draft.Id}")).StatusCode);
    }

    private async Task AssertRefusedAsync(Func<Task<HttpResponseMessage>> send, string field)
    {
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var response = await send();

        var problem = await ProblemAssert.HasCodeAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }
}
