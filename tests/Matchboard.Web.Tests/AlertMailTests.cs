using Matchboard.Web.Data;
using Matchboard.Web.Features.Alerts;
using Matchboard.Web.Features.Visits;
using Matchboard.Web.Infrastructure.Scheduling;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Matchboard.Web.Tests.Infrastructure.WorkSetup;

namespace Matchboard.Web.Tests;

/// <summary>The app with officers given 12 minutes (not the default 30) to acknowledge an urgent alert.</summary>
public sealed class AlertMailFactory : MatchboardFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(AlertEscalationSweep.AcknowledgeWithinSetting, "00:12:00");
    }
}

/// <summary>An urgent visit report, through the real flow, read back from the host's mail-drop folder.</summary>
public sealed class AlertMailTests(AlertMailFactory factory) : IClassFixture<AlertMailFactory>
{
    // Personal data of a resident: it stays between the two parties and out of every mail.
    private const string Label = "A-07 佐藤 花子様";
    private const string Note = "佐藤さんが胸の痛みを訴え、玄関で座り込んでいた";

    [Fact]
    public async Task AnUrgentReportIsMailedToEveryOfficerAndUnansweredToCityStaffOnceWithoutTheResidentsData()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.KizukiOfficer);
        var provider = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        var colleague = await TestUsers.AddAsync(factory, officer.OrganizationId);
        var providerColleague = await TestUsers.AddAsync(factory, provider.OrganizationId);
        var work = await ActiveWatchOverAsync(factory, officer, provider, Label);
        var officers = await ConfirmedUsersOfAsync(officer.OrganizationId);
        var providerUsers = await ConfirmedUsersOfAsync(provider.OrganizationId);
        Assert.Equal([colleague, DemoAccounts.KizukiOfficer], officers.Order(StringComparer.Ordinal));
        Assert.Contains(providerColleague, providerUsers);
        var within = factory.Services.GetRequiredService<IConfiguration>().GetValue<TimeSpan>(AlertEscalationSweep.AcknowledgeWithinSetting);
        Assert.Equal(TimeSpan.FromMinutes(12), within);

        var mark = factory.DroppedMailFiles();
        await PostOkAsync<VisitReportDto>(provider, $"/api/contracts/{work.ContractId}/visits",
            Report(work.Schedule.Visits[0].Id, factory.Clock.GetUtcNow(), "Urgent", Note));
        var alert = Assert.Single(await officer.GetAsync<List<AlertDto>>("/api/alerts"), a => a.ContractId == work.ContractId);
        var link = $"/Alerts/{alert.Id}";

        // At once: one urgent mail to each officer, linking to the alert; nothing to the provider or the city.
        var raised = factory.DroppedMailSince(mark);
        var toOfficers = raised.Where(m => officers.Contains(To(m))).ToList();
        Assert.Equal(officers.Order(StringComparer.Ordinal), toOfficers.Select(To).Order(StringComparer.Ordinal));
        Assert.All(toOfficers, mail =>
        {
            Assert.StartsWith("【緊急】", mail.Subject, StringComparison.Ordinal);
            Assert.Contains("連絡（要確認）が届きました", mail.Subject);
            Assert.Contains(link, mail.TextBody);
        });
        Assert.DoesNotContain(raised, m => providerUsers.Contains(To(m)));
        Assert.DoesNotContain(raised, m => To(m) == DemoAccounts.CityStaff);

        // One second short of the configured time the city hears nothing.
        factory.Clock.Advance(within - TimeSpan.FromSeconds(1));
        await SweepAsync();
        Assert.DoesNotContain(factory.DroppedMailSince(mark), m => To(m) == DemoAccounts.CityStaff);

        // Then two instances sweep at once, and a third later: city staff get the escalation once.
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(SweepAsync(), SweepAsync());
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await SweepAsync();

        var all = factory.DroppedMailSince(mark);
        var toCity = Assert.Single(all, m => To(m) == DemoAccounts.CityStaff);
        Assert.StartsWith("【緊急】", toCity.Subject, StringComparison.Ordinal);
        Assert.Contains("市へ連絡しました", toCity.Subject);
        Assert.Contains(link, toCity.TextBody);
        Assert.All(officers, o => Assert.Single(all, m => To(m) == o && (m.Subject ?? string.Empty).Contains("市へ連絡しました")));
        Assert.DoesNotContain(all, m => providerUsers.Contains(To(m)) && (m.TextBody ?? string.Empty).Contains(link));

        // Nothing about the resident left the contract by mail.
        Assert.NotEmpty(all);
        Assert.All(all, mail =>
        {
            var text = $"{mail.Subject}\n{mail.TextBody}\n{mail.HtmlBody}";
            Assert.DoesNotContain(Label, text);
            Assert.DoesNotContain("佐藤", text);
            Assert.DoesNotContain(Note, text);
        });
    }

    private Task<int> SweepAsync() => factory.Services.GetRequiredService<Sweeper>().SweepAsync(CancellationToken.None);

    private async Task<HashSet<string>> ConfirmedUsersOfAsync(int organizationId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        return (await db.Users.Where(u => u.OrganizationId == organizationId && u.EmailConfirmed).Select(u => u.Email!).ToListAsync())
            .ToHashSet(StringComparer.Ordinal);
    }

    private static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;
}
