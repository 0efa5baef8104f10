using System.Net;
using System.Net.Http.Json;
using Matchboard.Domain.Contracts;
using Matchboard.Web.Features.Contracts;
using Matchboard.Web.Features.Reviews;
using Matchboard.Web.Tests.Infrastructure;

namespace Matchboard.Web.Tests;

/// <summary>The contract page over HTTP, as a browser without JavaScript uses it.</summary>
public sealed class ContractPageTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task TheContractPageShowsTheTermsAndHidesTheOtherContactBeforeSigning()
    {
        var steps = await ContractSteps.ReadyToSignAsync(factory);
        await steps.Officer.SignAsync(steps.ContractId);
        var group = await PageClient.CreateAsync(factory, DemoAccounts.MimamoriStaff);

        var before = await group.Http.GetStringAsync($"/Contracts/{steps.ContractId}");

        Assert.Contains("団体がボランティア活動保険に加入します。", before);
        Assert.Contains("完了の確認後に一括", before);
        var task = await steps.Officer.GetAsync<Features.Tasks.TaskDetailDto>($"/api/tasks/{steps.TaskId}");
        Assert.Contains($"{task.VisitsPlanned}回", before);
        Assert.Contains("週1回、2人1組で訪問します。", before);
        Assert.Contains("個人情報の取り扱い", before);
        Assert.Contains("見守 一郎", before);
        Assert.DoesNotContain("町会 花子", before);
        Assert.Contains("両方が署名すると表示されます", before);
        Assert.Contains("@media print", await group.Http.GetStringAsync("/css/site.css"));

        await steps.Group.SignAsync(steps.ContractId);

        Assert.Contains("町会 花子", await group.Http.GetStringAsync($"/Contracts/{steps.ContractId}"));
    }

    [Fact]
    public async Task TheOfficerFillsInTheTermsThroughTheFormAndAWrongFormChangesNothing()
    {
        var steps = await ContractSteps.AwardedAsync(factory);
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);
        var url = $"/Contracts/{steps.ContractId}?handler=Terms";

        var wrong = await officer.PostFormAsync(url, new() { ["Terms.PaymentTiming"] = "Monthly", ["Terms.Insurance"] = "" });

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var page = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", page);
        Assert.Contains("id=\"Terms_Insurance-error\">入力してください。", page);
        Assert.Null((await steps.AsOfficerAsync()).PaymentTiming);

        var saved = await officer.PostFormAsync(url, new() { ["Terms.PaymentTiming"] = "Monthly", ["Terms.Insurance"] = "町内会の行事保険で対応します。" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/Contracts/{steps.ContractId}", saved.Headers.Location!.OriginalString);
        var contract = await steps.AsOfficerAsync();
        Assert.Equal(PaymentTiming.Monthly, contract.PaymentTiming);
        Assert.Contains("契約の条件を保存しました。", await officer.Http.GetStringAsync($"/Contracts/{steps.ContractId}"));
    }

    [Fact]
    public async Task SigningWithoutTermsShowsWhyAndSignsNothing()
    {
        var steps = await ContractSteps.AwardedAsync(factory);
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);

        var response = await officer.PostFormAsync($"/Contracts/{steps.ContractId}?handler=Sign", new() { ["Agree"] = "true" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("署名の前に、支払いの時期と保険を入力してください。", await response.Content.ReadAsStringAsync());
        Assert.Null((await steps.AsOfficerAsync()).AssociationSignedAt);
    }

    [Fact]
    public async Task TheWorkIsDeliveredAcceptedAndReviewedThroughTheForms()
    {
        var steps = await ContractSteps.ActiveAsync(factory);
        var group = await PageClient.CreateAsync(factory, DemoAccounts.MimamoriStaff);
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);
        var page = $"/Contracts/{steps.ContractId}";

        Assert.Equal(HttpStatusCode.Redirect, (await group.PostFormAsync(page + "?handler=Deliver", new() { ["DeliveryNote"] = "すべての訪問を終えました。" })).StatusCode);
        Assert.Contains("すべての訪問を終えました。", await officer.Http.GetStringAsync(page));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(page + "?handler=Accept", new())).StatusCode);
        Assert.Equal(ContractStatus.Completed, (await steps.AsOfficerAsync()).Status);

        var tooLong = await officer.PostFormAsync(page + "?handler=Review", new() { ["Review.Rating"] = "5", ["Review.Comment"] = new string('あ', 100_000) });
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Empty((await steps.Officer.GetAsync<ContractReviewsDto>(steps.Url("/reviews"))).Reviews);

        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(page + "?handler=Review", new() { ["Review.Rating"] = "5", ["Review.Comment"] = "とても丁寧でした。" })).StatusCode);
        Assert.DoesNotContain("とても丁寧でした。", await group.Http.GetStringAsync(page));
        Assert.Contains("とても丁寧でした。", await officer.Http.GetStringAsync(page));
    }

    [Fact]
    public async Task ReleasedReviewsAndTheReplyAppearOnTheGroupsPublicPage()
    {
        var steps = await ContractSteps.CompletedAsync(factory);
        var review = (await (await steps.Officer.PostJsonAsync(steps.Url("/reviews"), new { rating = 4, comment = "毎週の報告が分かりやすかったです。" }))
            .Content.ReadFromJsonAsync<ContractReviewsDto>(ApiClient.Json))!.Reviews.Single();
        var visitor = await PageClient.CreateAsync(factory);
        Assert.DoesNotContain("毎週の報告が分かりやすかったです。", await visitor.Http.GetStringAsync($"/Organizations/{steps.Group.OrganizationId}"));

        await steps.Group.PostJsonAsync(steps.Url("/reviews"), new { rating = 5, comment = "協力的でした。" });
        var group = await PageClient.CreateAsync(factory, DemoAccounts.MimamoriStaff);
        var replied = await group.PostFormAsync($"/Contracts/{steps.ContractId}?handler=Reply", new() { ["Reply.ReviewId"] = review.Id.ToString(), ["Reply.Text"] = "ありがとうございます。" });
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);

        var publicPage = await visitor.Http.GetStringAsync($"/Organizations/{steps.Group.OrganizationId}");
        Assert.Contains("毎週の報告が分かりやすかったです。", publicPage);
        Assert.Contains("ありがとうございます。", publicPage);
        Assert.Contains("高齢者の見守り", publicPage);
        Assert.Contains("毎週の報告が分かりやすかったです。", await group.Http.GetStringAsync("/Organizations/Profile"));
    }

    [Fact]
    public async Task AnotherAssociationCannotOpenTheContractPage()
    {
        var steps = await ContractSteps.AwardedAsync(factory);
        var other = await PageClient.CreateAsync(factory, DemoAccounts.MizonokuchiOfficer);

        var response = await other.Http.GetAsync($"/Contracts/{steps.ContractId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("町会 花子", await response.Content.ReadAsStringAsync());
    }
}
