using System.Net;
using System.Net.Http.Json;
using Matchboard.Domain.Contracts;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Contracts;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests;

/// <summary>Both sides sign the same contract row, often at the same moment.</summary>
public sealed class ContractSigningTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task BothSidesSigningAtOnceAlwaysLeavesTheContractActive()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var contractIds = await AwardContractsAsync(officer, group, count: 20);

        foreach (var contractId in contractIds)
        {
            var responses = await Task.WhenAll(
                officer.Http.PostAsync($"/api/contracts/{contractId}/sign", null),
                group.Http.PostAsync($"/api/contracts/{contractId}/sign", null));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var contract = await officer.GetAsync<ContractDto>($"/api/contracts/{contractId}");
            Assert.Equal(ContractStatus.Active, contract.Status);
            Assert.NotNull(contract.AssociationSignedAt);
            Assert.NotNull(contract.ProviderSignedAt);
        }
    }

    [Fact]
    public async Task AContractChangedSinceItWasReadCannotBeWrittenOver()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var group = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var contractId = (await AwardContractsAsync(officer, group, count: 1)).Single();
        var now = factory.Clock.GetUtcNow();
        await using var scopeA = factory.Services.CreateAsyncScope();
        await using var scopeB = factory.Services.CreateAsyncScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<MatchboardDbContext>();

        // Both read the same version before either writes: the interleaving two signing requests can produce.
        var contractA = await dbA.Contracts.SingleAsync(c => c.Id == contractId);
        var contractB = await dbB.Contracts.SingleAsync(c => c.Id == contractId);
        contractA.Sign(officer.OrganizationId, now);
        contractB.Sign(group.OrganizationId, now);
        await dbA.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => dbB.SaveChangesAsync());
        var stored = await dbA.Contracts.AsNoTracking().SingleAsync(c => c.Id == contractId);
        Assert.NotNull(stored.AssociationSignedAt);
        Assert.Null(stored.ProviderSignedAt);
        Assert.Equal(ContractStatus.PendingSignatures, stored.Status);
    }

    /// <summary>Posts the tasks, bids on each, lets their deadlines pass once, and awards them all.</summary>
    private async Task<List<int>> AwardContractsAsync(ApiClient officer, ApiClient group, int count)
    {
        var bids = new List<(int TaskId, int BidId)>();
        for (var i = 0; i < count; i++)
        {
            var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
            bids.Add((task.Id, (await group.BidAsync(task.Id, 10_000 + i)).Id));
        }

        factory.Clock.Advance(TimeSpan.FromDays(4));
        var contractIds = new List<int>();
        foreach (var (taskId, bidId) in bids)
        {
            var award = await officer.AwardAsync(taskId, bidId);
            Assert.Equal(HttpStatusCode.OK, award.StatusCode);
            var contractId = (await award.Content.ReadFromJsonAsync<ContractDto>(ApiClient.Json))!.Id;
            await ContractSteps.FillInAsync(officer, group, contractId);
            contractIds.Add(contractId);
        }

        return contractIds;
    }
}
