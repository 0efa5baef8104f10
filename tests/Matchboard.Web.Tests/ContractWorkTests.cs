using System.Net;
using System.Net.Http.Json;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Visits;
using Matchboard.Web.Features.Contracts;
using Matchboard.Web.Features.Visits;
using Matchboard.Web.Tests.Infrastructure;
using static Matchboard.Web.Tests.Infrastructure.WorkSetup;

namespace Matchboard.Web.Tests;

/// <summary>The contract's life and its visits meet: delivery counts the visits, termination cancels the rest.</summary>
public sealed class ContractWorkTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task ADeliveryCountsTheVisitsMadeAgainstThosePlanned()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var provider = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var work = await ActiveWatchOverAsync(factory, officer, provider);
        var visitsUrl = $"/api/contracts/{work.ContractId}/visits";
        await PostOkAsync<VisitReportDto>(provider, visitsUrl, Report(work.Schedule.Visits[0].Id, factory.Clock.GetUtcNow()));

        var delivered = await provider.SendAsync(HttpMethod.Post, $"/api/contracts/{work.ContractId}/deliver", new { note = "初回の訪問を終えました。" });

        var planned = work.Schedule.Visits.Count;
        Assert.True(planned > 1);
        Assert.Equal(ContractStatus.Delivered, delivered.Status);
        Assert.Equal((1, planned), (delivered.VisitsMade, delivered.VisitsPlanned));
    }

    [Fact]
    public async Task TerminationCancelsTheVisitsNotYetMadeAndNoReportCanFollow()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var provider = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var work = await ActiveWatchOverAsync(factory, officer, provider);
        var visitsUrl = $"/api/contracts/{work.ContractId}/visits";
        var first = work.Schedule.Visits[0];
        await PostOkAsync<VisitReportDto>(provider, visitsUrl, Report(first.Id, factory.Clock.GetUtcNow()));

        var terminated = await officer.SendAsync(HttpMethod.Post, $"/api/contracts/{work.ContractId}/terminate", new { reason = "対象の世帯が転居したため終了します。" });

        Assert.Equal(ContractStatus.Terminated, terminated.Status);
        var schedule = await officer.GetAsync<ScheduleDto>(visitsUrl);
        Assert.Equal(PlannedVisitStatus.Planned, schedule.Visits.Single(v => v.Id == first.Id).Status);
        Assert.All(schedule.Visits.Where(v => v.Id != first.Id), v => Assert.Equal(PlannedVisitStatus.Cancelled, v.Status));

        var before = await CountAsync(factory);
        var late = await provider.Http.PostAsJsonAsync(visitsUrl, Report(schedule.Visits[1].Id, factory.Clock.GetUtcNow()));

        await ProblemAssert.HasCodeAsync(late, HttpStatusCode.Conflict, "contract.work-not-open");
        Assert.Equal(before, await CountAsync(factory));
    }
}
