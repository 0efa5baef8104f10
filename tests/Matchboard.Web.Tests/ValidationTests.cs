using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Matchboard.Web.Data;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>Bad input gets a 400 problem naming the fields, in the user's language, and changes nothing.</summary>
public sealed class ValidationTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    public static TheoryData<string, object?, string> BadTasks => new()
    {
        { "title", null, "title" },
        { "title", "   ", "title" },
        { "feeYen", -1, "feeYen" },
        { "bidDeadline", DateTimeOffset.UtcNow.AddDays(-1), "bidDeadline" },
        { "description", new string('あ', 2001), "description" },
        { "title", new string('あ', 101), "title" },
        { "category", "gardening", "category" },
        { "ward", "shinjuku", "ward" },
        { "visitsPlanned", 0, "visitsPlanned" },
        { "visitsPlanned", 500, "visitsPlanned" },
        { "visitWeekdays", Array.Empty<string>(), "visitWeekdays" },
    };

    [Theory]
    [MemberData(nameof(BadTasks))]
    public async Task PostingAnInvalidTaskReturnsProblemDetailsAndSavesNothing(string field, object? value, string reportedField)
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var request = Requests.WatchOverTask(factory.Clock.GetUtcNow());
        request[field] = value;
        var before = await CountAsync();

        var response = await officer.Http.PostAsJsonAsync("/api/tasks", request);

        var problem = await ProblemAssert.HasCodeAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(reportedField, out var messages), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task EveryWrongFieldIsReportedAtOnce()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);

        var response = await officer.Http.PostAsJsonAsync("/api/tasks", new { feeYen = -5, category = "x" });

        var errors = (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "title", "description", "category", "feeYen", "bidDeadline", "startDate", "endDate", "visitWeekdays" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing from {errors}");
        }
    }

    [Theory]
    [InlineData("ja", "入力してください。")]
    [InlineData("en", "This field is required.")]
    [InlineData("en-US,en;q=0.9", "This field is required.")]
    public async Task MessagesFollowAcceptLanguage(string acceptLanguage, string expected)
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var request = Requests.WatchOverTask(factory.Clock.GetUtcNow());
        request["title"] = null;
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/tasks") { Content = JsonContent.Create(request) };
        message.Headers.AcceptLanguage.ParseAdd(acceptLanguage);

        var response = await officer.Http.SendAsync(message);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(expected, problem.GetProperty("errors").GetProperty("title")[0].GetString());
    }

    [Fact]
    public async Task MalformedJsonIsABadRequestProblem()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        using var content = new StringContent("{\"title\": ", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

        var response = await officer.Http.PostAsync("/api/tasks", content);

        await ProblemAssert.HasCodeAsync(response, HttpStatusCode.BadRequest, "bad-request");
    }

    [Fact]
    public async Task AnInvalidBidIsRefusedAndNothingIsStored()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);

        var response = await group.Http.PostAsJsonAsync($"/api/tasks/{task.Id}/bids", new { amountYen = -100, proposal = "", staffPlanned = 0 });

        var errors = (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("amountYen", out _));
        Assert.True(errors.TryGetProperty("proposal", out _));
        Assert.True(errors.TryGetProperty("staffPlanned", out _));
        Assert.True(errors.TryGetProperty("earliestStart", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await group.Http.GetAsync($"/api/tasks/{task.Id}/bids/mine")).StatusCode);
    }

    [Fact]
    public async Task AnUnknownFilterIsABadRequest()
    {
        var response = await factory.CreateClient().GetAsync("/api/tasks?category=gardening");

        await ProblemAssert.HasCodeAsync(response, HttpStatusCode.BadRequest, "validation");
    }

    private async Task<int> CountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MatchboardDbContext>().Tasks.CountAsync();
    }
}
