using System.Net.Http.Json;
using Matchboard.Web.Features.Contracts;

namespace Matchboard.Web.Tests.Infrastructure;

/// <summary>A contract reached through the API, step by step: awarded, ready to sign, active, delivered.</summary>
public sealed record ContractSteps(MatchboardFactory Factory, ApiClient Officer, ApiClient Group, int TaskId, int ContractId)
{
    public static readonly object Terms = new { paymentTiming = "OnCompletion", paymentNote = "完了の確認後、翌月末までに振り込みます。", insurance = "団体がボランティア活動保険に加入します。" };

    public static object Contact(string name) => new { name, phone = "044-000-0000", email = "contact@example.jp" };

    /// <summary>木月三丁目町内会 posts a watch-over task, なかはら見守りネット bids, and after the deadline wins it.</summary>
    public static async Task<ContractSteps> AwardedAsync(MatchboardFactory factory)
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var task = await officer.PostTaskAsync(Requests.WatchOverTask(factory.Clock.GetUtcNow()));
        var bid = await group.BidAsync(task.Id);
        factory.Clock.Advance(TimeSpan.FromDays(4));
        var award = await officer.AwardAsync(task.Id, bid.Id);
        award.EnsureSuccessStatusCode();
        var contract = (await award.Content.ReadFromJsonAsync<ContractDto>(ApiClient.Json))!;
        return new ContractSteps(factory, officer, group, task.Id, contract.Id);
    }

    public static async Task<ContractSteps> ReadyToSignAsync(MatchboardFactory factory)
    {
        var steps = await AwardedAsync(factory);
        await FillInAsync(steps.Officer, steps.Group, steps.ContractId);
        return steps;
    }

    /// <summary>What each side must fill in before it can sign: the association's terms, and both contact persons.</summary>
    public static async Task FillInAsync(ApiClient officer, ApiClient group, int contractId)
    {
        await officer.SendAsync(HttpMethod.Put, $"/api/contracts/{contractId}/terms", Terms);
        await officer.SendAsync(HttpMethod.Put, $"/api/contracts/{contractId}/contacts/mine", Contact("町会 花子"));
        await group.SendAsync(HttpMethod.Put, $"/api/contracts/{contractId}/contacts/mine", Contact("見守 一郎"));
    }

    public static async Task<ContractSteps> ActiveAsync(MatchboardFactory factory)
    {
        var steps = await ReadyToSignAsync(factory);
        await steps.Officer.SignAsync(steps.ContractId);
        await steps.Group.SignAsync(steps.ContractId);
        return steps;
    }

    public static async Task<ContractSteps> DeliveredAsync(MatchboardFactory factory)
    {
        var steps = await ActiveAsync(factory);
        await steps.Group.SendAsync(HttpMethod.Post, $"/api/contracts/{steps.ContractId}/deliver", new { note = "12回の訪問を終えました。" });
        return steps;
    }

    public static async Task<ContractSteps> CompletedAsync(MatchboardFactory factory)
    {
        var steps = await DeliveredAsync(factory);
        await steps.Officer.SendAsync(HttpMethod.Post, $"/api/contracts/{steps.ContractId}/accept", null);
        return steps;
    }

    public string Url(string path = "") => $"/api/contracts/{ContractId}{path}";

    public Task<ContractDto> AsOfficerAsync() => Officer.GetAsync<ContractDto>(Url());

    public Task<ContractDto> AsGroupAsync() => Group.GetAsync<ContractDto>(Url());
}
