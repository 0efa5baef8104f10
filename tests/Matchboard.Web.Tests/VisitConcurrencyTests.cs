using Matchboard.Domain.Visits;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Visits;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Matchboard.Web.Tests.Infrastructure.WorkSetup;

namespace Matchboard.Web.Tests;

/// <summary>
/// The version check under the sweepers: two writers that read the same alert cannot both save it, which is what
/// keeps a second instance from escalating (and announcing) an alert twice.
/// </summary>
public sealed class VisitConcurrencyTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task AnAlertChangedSinceItWasReadCannotBeWrittenOver()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var provider = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var work = await ActiveWatchOverAsync(factory, officer, provider);
        var report = await PostOkAsync<VisitReportDto>(provider, $"/api/contracts/{work.ContractId}/visits",
            Report(work.Schedule.Visits[0].Id, factory.Clock.GetUtcNow(), "Urgent"));
        factory.Clock.Advance(VisitRules.DefaultAcknowledgeWithin + TimeSpan.FromMinutes(1));
        var now = factory.Clock.GetUtcNow();
        await using var scopeA = factory.Services.CreateAsyncScope();
        await using var scopeB = factory.Services.CreateAsyncScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<MatchboardDbContext>();

        // Both read the same version before either writes: what two sweeping instances can do.
        var alertA = await dbA.VisitAlerts.SingleAsync(a => a.ReportId == report.Id);
        var alertB = await dbB.VisitAlerts.SingleAsync(a => a.ReportId == report.Id);
        alertA.Escalate(now, VisitRules.DefaultAcknowledgeWithin);
        alertB.Escalate(now, VisitRules.DefaultAcknowledgeWithin);
        await dbA.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => dbB.SaveChangesAsync());
        var stored = await dbA.VisitAlerts.AsNoTracking().SingleAsync(a => a.ReportId == report.Id);
        Assert.Equal(now, stored.EscalatedAt);
    }
}
