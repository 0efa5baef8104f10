using System.Net;
using System.Net.Http.Json;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Notifications;
using Matchboard.Domain.Tasks;
using Matchboard.Web.Features.Contracts;
using Matchboard.Web.Features.Tasks;
using Matchboard.Web.Infrastructure.Scheduling;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>A contract's life over HTTP: terms, contacts, signatures, delivery, acceptance, termination, and every refusal.</summary>
public sealed class ContractLifecycleApiTests(ApiReferenceFactory factory) : IClassFixture<ApiReferenceFactory>
{
    /// <summary>Every route of the work after the signature, with its method; a route that takes a body describes it.</summary>
    [Theory]
    [InlineData("put", "/api/contracts/{id}/terms", true)]
    [InlineData("put", "/api/contracts/{id}/contacts/mine", true)]
    [InlineData("post", "/api/contracts/{id}/withdraw-award", true)]
    [InlineData("post", "/api/contracts/{id}/deliver", true)]
    [InlineData("post", "/api/contracts/{id}/accept", false)]
    [InlineData("post", "/api/contracts/{id}/request-changes", true)]
    [InlineData("post", "/api/contracts/{id}/terminate", true)]
    [InlineData("get", "/api/contracts/{id}/reviews", false)]
    [InlineData("post", "/api/contracts/{id}/reviews", true)]
    [InlineData("post", "/api/contracts/{id}/reviews/{reviewId}/reply", true)]
    [InlineData("get", "/api/organizations/{id}/reviews", false)]
    [InlineData("get", "/api/contracts/{id}/visits", false)]
    [InlineData("post", "/api/contracts/{id}/visits", true)]
    [InlineData("post", "/api/contracts/{id}/visits/{visitId}/move", true)]
    [InlineData("post", "/api/contracts/{id}/visits/{visitId}/propose", true)]
    [InlineData("post", "/api/contracts/{id}/visits/{visitId}/accept-proposal", false)]
    [InlineData("post", "/api/contracts/{id}/households", true)]
    [InlineData("post", "/api/contracts/{id}/households/{householdId}/consent", true)]
    [InlineData("post", "/api/contracts/{id}/households/{householdId}/visitor", true)]
    [InlineData("put", "/api/tasks/{id}", true)]
    [InlineData("get", "/api/tasks/{id}/history", false)]
    [InlineData("post", "/api/tasks/{taskId}/bids/mine/confirm", false)]
    [InlineData("get", "/api/alerts", false)]
    [InlineData("get", "/api/alerts/{id}", false)]
    [InlineData("post", "/api/alerts/{id}/acknowledge", true)]
    public async Task TheOpenApiDocumentDescribesEveryRouteOfTheWork(string method, string path, bool takesABody)
    {
        var paths = (await factory.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi/v1.json")).GetProperty("paths");

        Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the OpenAPI document");
        Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is not in the OpenAPI document");
        Assert.Equal(takesABody, operation.TryGetProperty("requestBody", out _));
        Assert.Contains(operation.GetProperty("responses").EnumerateObject(), r => r.Name.StartsWith('2'));
    }

    [Fact]
    public async Task TheWinnerHasSevenDaysToSignAndTheTermsAreShown()
    {
        var steps = await ContractSteps.ReadyToSignAsync(factory);

        var contract = await steps.AsGroupAsync();

        Assert.Equal(contract.CreatedAt.AddDays(7), contract.SignBy);
        Assert.Equal(PaymentTiming.OnCompletion, contract.PaymentTiming);
        Assert.Equal("団体がボランティア活動保険に加入します。", contract.Insurance);
        Assert.Equal((await steps.Officer.GetAsync<TaskDetailDto>($"/api/tasks/{steps.TaskId}")).VisitsPlanned, contract.TaskVisitsPlanned);
        Assert.Equal("週1回、2人1組で訪問します。", contract.Proposal);
        Assert.False(contract.CanWithdrawAward);
    }

    [Fact]
    public async Task SigningBeforeTheTermsIsRefusedAndChangesNothing()
    {
        var steps = await ContractSteps.AwardedAsync(factory);
        await steps.Officer.SendAsync(HttpMethod.Put, steps.Url("/contacts/mine"), ContractSteps.Contact("町会 花子"));

        var sign = await steps.Officer.PostJsonAsync(steps.Url("/sign"), null);
        var groupSign = await steps.Group.PostJsonAsync(steps.Url("/sign"), null);

        await ProblemAssert.HasCodeAsync(sign, HttpStatusCode.UnprocessableEntity, "contract.terms-missing");
        await ProblemAssert.HasCodeAsync(groupSign, HttpStatusCode.UnprocessableEntity, "contract.contact-missing");
        var contract = await steps.AsOfficerAsync();
        Assert.Null(contract.AssociationSignedAt);
        Assert.Null(contract.ProviderSignedAt);
        Assert.Equal(ContractStatus.PendingSignatures, contract.Status);
    }

    [Fact]
    public async Task TheOtherSidesContactIsHiddenUntilBothHaveSigned()
    {
        var steps = await ContractSteps.ReadyToSignAsync(factory);
        await steps.Officer.SignAsync(steps.ContractId);

        var beforeGroup = await steps.AsGroupAsync();
        var beforeOfficer = await steps.AsOfficerAsync();
        Assert.Null(beforeGroup.AssociationContact);
        Assert.Equal("見守 一郎", beforeGroup.ProviderContact!.Name);
        Assert.Null(beforeOfficer.ProviderContact);
        Assert.Equal("町会 花子", beforeOfficer.AssociationContact!.Name);

        await steps.Group.SignAsync(steps.ContractId);

        var after = await steps.AsGroupAsync();
        Assert.Equal(ContractStatus.Active, after.Status);
        Assert.Equal(new ContactDto("町会 花子", "044-000-0000", "contact@example.jp"), after.AssociationContact);
        Assert.Equal("見守 一郎", (await steps.AsOfficerAsync()).ProviderContact!.Name);
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var cityView = await city.GetAsync<ContractDto>(steps.Url());
        Assert.Null(cityView.AssociationContact);
        Assert.Null(cityView.ProviderContact);
    }

    [Fact]
    public async Task ChangedTermsClearTheSignatureAndTellTheOtherSide()
    {
        var steps = await ContractSteps.ReadyToSignAsync(factory);
        await steps.Group.SignAsync(steps.ContractId);

        var changed = await steps.Officer.SendAsync(HttpMethod.Put, steps.Url("/terms"), new { paymentTiming = "Monthly", insurance = "町内会の保険で対応します。" });

        Assert.Null(changed.ProviderSignedAt);
        Assert.Equal(PaymentTiming.Monthly, changed.PaymentTiming);
        Assert.Contains(await steps.Group.AllNotificationsAsync(), n => n.ContractId == steps.ContractId && n.Type == NotificationType.ContractChanged);
    }

    [Fact]
    public async Task TermsAreTheAssociationsAndContractsOnlyTheTwoSides()
    {
        var steps = await ContractSteps.AwardedAsync(factory);
        var otherOfficer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);

        await ProblemAssert.HasCodeAsync(await steps.Group.PutJsonAsync(steps.Url("/terms"), ContractSteps.Terms), HttpStatusCode.UnprocessableEntity, "contract.association-only");
        await ProblemAssert.HasCodeAsync(await otherOfficer.PutJsonAsync(steps.Url("/terms"), ContractSteps.Terms), HttpStatusCode.Forbidden, "contract.not-yours");
        await ProblemAssert.HasCodeAsync(await otherOfficer.PostJsonAsync(steps.Url("/withdraw-award"), new { reason = "横取り" }), HttpStatusCode.Forbidden, "contract.not-yours");
        await ProblemAssert.HasCodeAsync(await steps.Officer.PutJsonAsync("/api/contracts/999999/terms", ContractSteps.Terms), HttpStatusCode.NotFound, "contract.not-found");
        Assert.Null((await steps.AsOfficerAsync()).PaymentTiming);
    }

    [Fact]
    public async Task BadTermsAndContactsAreLocalizedFieldErrors()
    {
        var steps = await ContractSteps.AwardedAsync(factory);
        steps.Officer.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var terms = await steps.Officer.PutJsonAsync(steps.Url("/terms"), new { paymentTiming = "OnCompletion", insurance = new string('保', 100_000) });
        var contact = await steps.Group.PutJsonAsync(steps.Url("/contacts/mine"), new { name = "見守 一郎", phone = "でんわ", email = "x" });

        var problem = await ProblemAssert.IsProblemAsync(terms, HttpStatusCode.BadRequest);
        Assert.Equal("Use at most 500 characters.", problem.GetProperty("errors").GetProperty("insurance")[0].GetString());
        var contactProblem = await ProblemAssert.IsProblemAsync(contact, HttpStatusCode.BadRequest);
        Assert.True(contactProblem.GetProperty("errors").TryGetProperty("phone", out _));
        Assert.True(contactProblem.GetProperty("errors").TryGetProperty("email", out _));
        var contract = await steps.AsOfficerAsync();
        Assert.Null(contract.Insurance);
        Assert.Null((await steps.AsGroupAsync()).ProviderContact);
    }

    [Fact]
    public async Task DeliveryThenAcceptanceCompletesTheContractAndTellsBothSides()
    {
        var steps = await ContractSteps.ActiveAsync(factory);

        var delivered = await steps.Group.SendAsync(HttpMethod.Post, steps.Url("/deliver"), new { note = "12回の訪問を終えました。" });
        Assert.Equal(ContractStatus.Delivered, delivered.Status);
        Assert.Equal(delivered.DeliveredAt!.Value.AddDays(14), delivered.AutoCompletesAt);
        Assert.Contains(await steps.Officer.AllNotificationsAsync(), n => n.ContractId == steps.ContractId && n.Type == NotificationType.ContractDelivered);

        var completed = await steps.Officer.SendAsync(HttpMethod.Post, steps.Url("/accept"), null);

        Assert.Equal(ContractStatus.Completed, completed.Status);
        Assert.Equal(factory.Clock.GetUtcNow(), completed.EndedAt);
        Assert.False(completed.CompletedAutomatically);
        foreach (var side in new[] { steps.Officer, steps.Group })
        {
            Assert.Single(await side.AllNotificationsAsync(), n => n.ContractId == steps.ContractId && n.Type == NotificationType.ContractCompleted);
        }
    }

    [Fact]
    public async Task DeliveringTwiceOrTooLongANoteIsRefusedAndChangesNothing()
    {
        var steps = await ContractSteps.ActiveAsync(factory);

        var tooLong = await steps.Group.PostJsonAsync(steps.Url("/deliver"), new { note = new string('あ', 100_000) });
        var problem = await ProblemAssert.IsProblemAsync(tooLong, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("note", out _));
        Assert.Equal(ContractStatus.Active, (await steps.AsGroupAsync()).Status);

        await steps.Group.SendAsync(HttpMethod.Post, steps.Url("/deliver"), new { note = "終わりました。" });
        var twice = await steps.Group.PostJsonAsync(steps.Url("/deliver"), new { note = "もう一度" });
        var byOfficer = await steps.Officer.PostJsonAsync(steps.Url("/deliver"), new { note = "代わりに" });

        await ProblemAssert.HasCodeAsync(twice, HttpStatusCode.Conflict, "contract.not-active");
        await ProblemAssert.HasCodeAsync(byOfficer, HttpStatusCode.UnprocessableEntity, "contract.provider-only");
        var contract = await steps.AsGroupAsync();
        Assert.Equal("終わりました。", contract.DeliveryNote);
        Assert.Single(await steps.Officer.AllNotificationsAsync(), n => n.ContractId == steps.ContractId && n.Type == NotificationType.ContractDelivered);
    }

    [Fact]
    public async Task AskingForChangesReopensTheWorkAndTellsTheGroup()
    {
        var steps = await ContractSteps.DeliveredAsync(factory);

        var back = await steps.Officer.SendAsync(HttpMethod.Post, steps.Url("/request-changes"), new { reason = "残りの2世帯の訪問をお願いします。" });

        Assert.Equal(ContractStatus.Active, back.Status);
        Assert.Null(back.AutoCompletesAt);
        Assert.Equal("残りの2世帯の訪問をお願いします。", back.ChangesRequestReason);
        Assert.Contains(await steps.Group.AllNotificationsAsync(), n => n.ContractId == steps.ContractId && n.Type == NotificationType.ContractChangesRequested);
        await ProblemAssert.HasCodeAsync(await steps.Officer.PostJsonAsync(steps.Url("/accept"), null), HttpStatusCode.Conflict, "contract.not-delivered");
        Assert.Equal(ContractStatus.Active, (await steps.AsOfficerAsync()).Status);
    }

    [Fact]
    public async Task EitherSideTerminatesWithAReason()
    {
        var steps = await ContractSteps.ActiveAsync(factory);

        await ProblemAssert.IsProblemAsync(await steps.Group.PostJsonAsync(steps.Url("/terminate"), new { reason = "" }), HttpStatusCode.BadRequest);
        var ended = await steps.Group.SendAsync(HttpMethod.Post, steps.Url("/terminate"), new { reason = "担い手が確保できなくなりました。" });

        Assert.Equal(ContractStatus.Terminated, ended.Status);
        Assert.Equal(steps.Group.OrganizationId, ended.TerminatedById);
        Assert.NotNull(ended.EndedAt);
        Assert.Contains(await steps.Officer.AllNotificationsAsync(), n => n.ContractId == steps.ContractId && n.Type == NotificationType.ContractTerminated);
        await ProblemAssert.HasCodeAsync(await steps.Officer.PostJsonAsync(steps.Url("/terminate"), new { reason = "二重" }), HttpStatusCode.Conflict, "contract.not-open");
    }

    [Fact]
    public async Task AnUnsignedAwardIsWithdrawnOnlyAfterTheDeadlineAndTheNextBidCanWin()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var first = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var second = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var firstBid = await first.BidAsync(task.Id, 18_000);
        var secondBid = await second.BidAsync(task.Id, 19_000);
        factory.Clock.Advance(TimeSpan.FromDays(4));
        var contract = (await (await officer.AwardAsync(task.Id, firstBid.Id)).Content.ReadFromJsonAsync<ContractDto>(ApiClient.Json))!;
        var url = $"/api/contracts/{contract.Id}/withdraw-award";

        factory.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        await ProblemAssert.HasCodeAsync(await officer.PostJsonAsync(url, new { reason = "署名がありません。" }), HttpStatusCode.Conflict, "contract.sign-by-not-passed");
        Assert.Equal(ContractStatus.PendingSignatures, (await officer.GetAsync<ContractDto>($"/api/contracts/{contract.Id}")).Status);
        Assert.Equal(CommunityTaskStatus.Awarded, (await officer.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}")).Status);

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await officer.GetAsync<ContractDto>($"/api/contracts/{contract.Id}")).CanWithdrawAward);
        await ProblemAssert.HasCodeAsync(await first.PostJsonAsync(url, new { reason = "自分で" }), HttpStatusCode.Forbidden, "task.not-yours");
        var withdrawn = await officer.SendAsync(HttpMethod.Post, url, new { reason = "期限までに署名がありませんでした。" });

        Assert.Equal(ContractStatus.AwardWithdrawn, withdrawn.Status);
        Assert.Equal("期限までに署名がありませんでした。", withdrawn.AwardWithdrawalReason);
        Assert.Equal(factory.Clock.GetUtcNow(), withdrawn.AwardWithdrawnAt);
        Assert.Equal(CommunityTaskStatus.Closed, (await officer.GetAsync<TaskDetailDto>($"/api/tasks/{task.Id}")).Status);
        foreach (var side in new[] { officer, first })
        {
            Assert.Contains(await side.AllNotificationsAsync(), n => n.ContractId == contract.Id && n.Type == NotificationType.AwardWithdrawn);
        }

        await ProblemAssert.HasCodeAsync(await officer.AwardAsync(task.Id, firstBid.Id), HttpStatusCode.Conflict, "bid.not-live");
        var next = await officer.AwardAsync(task.Id, secondBid.Id);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var nextContract = (await next.Content.ReadFromJsonAsync<ContractDto>(ApiClient.Json))!;
        Assert.Equal(second.OrganizationId, nextContract.ProviderId);
        Assert.NotEqual(contract.Id, nextContract.Id);
    }

    [Fact]
    public async Task ADeliveryLeftFourteenDaysCompletesByItselfOnceEvenWithTwoSweepers()
    {
        var steps = await ContractSteps.DeliveredAsync(factory);
        var sweeper = factory.Services.GetRequiredService<Sweeper>();
        factory.Clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        await sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(ContractStatus.Delivered, (await steps.AsOfficerAsync()).Status);

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Task.WhenAll(sweeper.SweepAsync(CancellationToken.None), sweeper.SweepAsync(CancellationToken.None));
        await sweeper.SweepAsync(CancellationToken.None);

        var contract = await steps.AsOfficerAsync();
        Assert.Equal(ContractStatus.Completed, contract.Status);
        Assert.True(contract.CompletedAutomatically);
        foreach (var side in new[] { steps.Officer, steps.Group })
        {
            Assert.Single(await side.AllNotificationsAsync(), n => n.ContractId == steps.ContractId && n.Type == NotificationType.ContractCompleted);
        }
    }

    [Fact]
    public async Task AcceptAndTerminateAtOnceLetExactlyOneWin()
    {
        for (var round = 0; round < 5; round++)
        {
            var steps = await ContractSteps.DeliveredAsync(factory);

            var responses = await Task.WhenAll(
                steps.Officer.PostJsonAsync(steps.Url("/accept"), null),
                steps.Group.PostJsonAsync(steps.Url("/terminate"), new { reason = "同時に終了" }));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order().ToList());
            var winner = (await responses.Single(r => r.IsSuccessStatusCode).Content.ReadFromJsonAsync<ContractDto>(ApiClient.Json))!;
            var stored = await steps.AsOfficerAsync();
            Assert.Equal(winner.Status, stored.Status);
            Assert.Equal(stored.Status == ContractStatus.Completed ? null : "同時に終了", stored.TerminationReason);
            var ends = (await steps.Officer.AllNotificationsAsync())
                .Count(n => n.ContractId == steps.ContractId && n.Type is NotificationType.ContractCompleted or NotificationType.ContractTerminated);
            Assert.Equal(1, ends);
        }
    }
}
