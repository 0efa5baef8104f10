using System.Net;
using System.Net.Http.Json;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Bids;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Infrastructure.Scheduling;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>
/// <c>Idempotency-Key</c> on the API's create endpoints: a retry gets the first answer and creates nothing; the
/// same key with another body is refused; keys are per user and kept 24 hours; concurrent duplicates create once.
/// </summary>
public sealed class IdempotencyKeyApiTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task ARetryWithTheSameKeyReturnsTheOriginalResponseAndCreatesNothing()
    {
        var task = await PostTaskAsync();
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var key = Guid.NewGuid().ToString();

        var first = await PostBidAsync(group, task, key, 15_000);
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);
        var retry = await PostBidAsync(group, task, key, 15_000);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("application/json", retry.Content.Headers.ContentType?.MediaType);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
        Assert.Equal(1, await CountBidsAsync(task.Id));
    }

    [Fact]
    public async Task TheSameKeyWithADifferentBodyIsRefusedIn422AndChangesNothing()
    {
        var task = await PostTaskAsync();
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var key = Guid.NewGuid().ToString();
        await PostBidAsync(group, task, key, 15_000);
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var japanese = await PostBidAsync(group, task, key, 16_000);
        var english = await PostBidAsync(group, task, key, 17_000, language: "en");

        var problem = await ProblemAssert.HasCodeAsync(japanese, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Contains("別の内容の送信にすでに使われています", problem.GetProperty("detail").GetString());
        problem = await ProblemAssert.HasCodeAsync(english, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Contains("already used for a different request", problem.GetProperty("detail").GetString());
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
        Assert.Equal(15_000, (await group.GetAsync<BidDto>($"/api/tasks/{task.Id}/bids/mine")).AmountYen);
    }

    [Fact]
    public async Task AnotherUsersSameKeyIsIndependent()
    {
        var task = await PostTaskAsync();
        var tamagawa = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        const string key = "shared-key-1";

        var first = await PostBidAsync(tamagawa, task, key, 15_000);
        var second = await PostBidAsync(mimamori, task, key, 16_000);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await CountBidsAsync(task.Id));
    }

    [Fact]
    public async Task ARefusedRequestKeepsNoKeySoItsCorrectedRetryRuns()
    {
        var task = await PostTaskAsync();
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var key = Guid.NewGuid().ToString();

        var refused = await PostBidAsync(group, task, key, -1);
        var corrected = await PostBidAsync(group, task, key, 15_000);

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(1, await CountBidsAsync(task.Id));
    }

    [Fact]
    public async Task AnUnusableKeyIsRefusedAndChangesNothing()
    {
        var task = await PostTaskAsync();
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var before = await DatabaseChecksum.OfEveryTableAsync(factory);

        var response = await PostBidAsync(group, task, new string('k', 101), 15_000);

        await ProblemAssert.HasCodeAsync(response, HttpStatusCode.BadRequest, "idempotency-key-invalid");
        Assert.Empty(DatabaseChecksum.Changed(before, await DatabaseChecksum.OfEveryTableAsync(factory)));
    }

    [Fact]
    public async Task AKeyIsKeptFor24HoursThenSweptAndFreeAgain()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var key = Guid.NewGuid().ToString();
        var body = Requests.CleanupTask(factory.Clock.GetUtcNow());

        var first = await PostTaskAsync(officer, key, body);
        factory.Clock.Advance(TimeSpan.FromHours(23));
        var withinADay = await PostTaskAsync(officer, key, body);
        factory.Clock.Advance(TimeSpan.FromHours(2));
        await factory.Services.GetRequiredService<Sweeper>().SweepAsync(CancellationToken.None);
        var keptAfterSweep = await CountKeysAsync(key);
        var afterADay = await PostTaskAsync(officer, key, body);

        var original = (await first.Content.ReadFromJsonAsync<TaskDetailDto>(ApiClient.Json))!;
        Assert.Equal(original.Id, (await withinADay.Content.ReadFromJsonAsync<TaskDetailDto>(ApiClient.Json))!.Id);
        Assert.True(withinADay.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(0, keptAfterSweep);
        Assert.Equal(HttpStatusCode.Created, afterADay.StatusCode);
        Assert.NotEqual(original.Id, (await afterADay.Content.ReadFromJsonAsync<TaskDetailDto>(ApiClient.Json))!.Id);
    }

    [Fact]
    public async Task ConcurrentDuplicatesWithOneKeyCreateOneBidAndAllGetItsAnswer()
    {
        var task = await PostTaskAsync();
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostBidAsync(group, task, key, 15_000)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Single(responses, r => !r.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await CountBidsAsync(task.Id));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.TaskId == task.Id && n.Type == Domain.Notifications.NotificationType.BidPlaced));
    }

    [Fact]
    public async Task WithoutTheHeaderARepeatedBidIsRefusedAsBefore()
    {
        var task = await PostTaskAsync();
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);

        var first = await PostBidAsync(group, task, key: null, 15_000);
        var second = await PostBidAsync(group, task, key: null, 15_000);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Equal(1, await CountBidsAsync(task.Id));
    }

    private async Task<TaskDetailDto> PostTaskAsync()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        return await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
    }

    private static Task<HttpResponseMessage> PostTaskAsync(ApiClient officer, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/tasks") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return officer.Http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PostBidAsync(ApiClient group, TaskDetailDto task, string? key, long amountYen, string language = "ja")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{task.Id}/bids")
        {
            Content = JsonContent.Create(Requests.Bid(amountYen, earliestStart: task.StartDate)),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        request.Headers.AcceptLanguage.ParseAdd(language);
        return group.Http.SendAsync(request);
    }

    private async Task<int> CountBidsAsync(int taskId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MatchboardDbContext>().Bids.CountAsync(b => b.TaskId == taskId);
    }

    private async Task<int> CountKeysAsync(string key)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MatchboardDbContext>().IdempotencyRecords.CountAsync(r => r.Key == key);
    }
}
