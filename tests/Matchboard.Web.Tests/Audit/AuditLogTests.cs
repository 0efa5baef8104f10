using System.Net;
using Matchboard.Web.Data;
using Matchboard.Web.Data.Audit;
using Matchboard.Web.Data.Provider;
using Matchboard.Web.Features.Audit;
using Matchboard.Web.Infrastructure.Scheduling;
using Matchboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests.Audit;

/// <summary>The tamper-evident audit log: captured with every change, chained by the sealer, refused any edit.</summary>
public sealed class AuditLogTests(MatchboardFactory factory) : IClassFixture<MatchboardFactory>
{
    [Fact]
    public async Task ABidsEntryHoldsNoAmountBeforeTheDeadlineAndTheOpeningRecordsEveryAmount()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        var task = await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var tamagawa = await ApiClient.SignInAsync(factory, DemoAccounts.TamagawaStaff);
        var mimamori = await ApiClient.SignInAsync(factory, DemoAccounts.MimamoriStaff);
        await tamagawa.BidAsync(task.Id, 123_457);
        await mimamori.BidAsync(task.Id, 98_761);

        var beforeDeadline = await EntriesAboutTaskAsync(task.Id);
        Assert.Equal(2, beforeDeadline.Count(e => e.Action == "bid.placed"));
        Assert.All(beforeDeadline, e => Assert.DoesNotContain("123457", e.Summary));
        Assert.All(beforeDeadline, e => Assert.DoesNotContain("98761", e.Summary));
        Assert.DoesNotContain(beforeDeadline, e => e.Action == "bids.opened");
        Assert.Contains(beforeDeadline, e => e.Action == "bid.placed" && e.Actor == tamagawa.Me.UserId && e.OrganizationId == tamagawa.OrganizationId);

        factory.Clock.Advance(TimeSpan.FromDays(4));
        await factory.Services.GetRequiredService<Sweeper>().SweepAsync(CancellationToken.None);

        var opened = Assert.Single(await EntriesAboutTaskAsync(task.Id), e => e.Action == "bids.opened");
        Assert.Contains($"\"amountYen\":123457", opened.Summary);
        Assert.Contains($"\"amountYen\":98761", opened.Summary);
        Assert.Contains($"\"group\":{tamagawa.OrganizationId}", opened.Summary);
        Assert.Contains($"\"group\":{mimamori.OrganizationId}", opened.Summary);
        Assert.Equal(AuditCapture.SystemActor, opened.Actor);
    }

    [Fact]
    public async Task TheChainVerifiesAndAnEarlierHeadStillVerifiesAfterLaterWrites()
    {
        await SealAsync();
        var anonymous = factory.CreateClient();
        var earlier = await ReadJsonAsync<AuditHeadDto>(await anonymous.GetAsync("/api/public/audit/head"));

        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        await SealAsync();

        var later = await ReadJsonAsync<AuditHeadDto>(await anonymous.GetAsync("/api/public/audit/head"));
        var then = await ReadJsonAsync<AuditHeadDto>(await anonymous.GetAsync($"/api/public/audit/{earlier.Sequence}"));
        Assert.True(later.Sequence > earlier.Sequence);
        Assert.Equal(earlier, then);

        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var verification = await city.GetAsync<AuditVerificationDto>("/api/city/audit/verify");
        Assert.True(verification.Holds);
        Assert.True(verification.Sequence >= later.Sequence);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/public/audit/{later.Sequence + 1000}")).StatusCode);
    }

    [Fact]
    public async Task TheDatabaseRefusesToUpdateOrDeleteAnEntryOrASeal()
    {
        await SealAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var seal = await db.AuditSeals.AsNoTracking().OrderBy(s => s.Sequence).FirstAsync();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == seal.EntryId);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"AuditEntries\" SET \"Summary\" = {0} WHERE \"Id\" = {1}", "{\"edited\":true}", entry.Id));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync(
            "DELETE FROM \"AuditEntries\" WHERE \"Id\" = {0}", entry.Id));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"AuditSeals\" SET \"Hash\" = {0} WHERE \"Sequence\" = {1}", "x", seal.Sequence));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync(
            "DELETE FROM \"AuditSeals\" WHERE \"Sequence\" = {0}", seal.Sequence));

        Assert.Equal(entry.Summary, (await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == entry.Id)).Summary);
        Assert.Equal(seal.Hash, (await db.AuditSeals.AsNoTracking().SingleAsync(s => s.Sequence == seal.Sequence)).Hash);
    }

    [Fact]
    public async Task VerificationNamesExactlyTheEntryEditedBehindTheTriggersBack()
    {
        // A host of its own: the tampering breaks its chain for good.
        using var tampered = new MatchboardFactory();
        var sealer = tampered.Services.GetRequiredService<AuditSealer>();
        var officer = await ApiClient.SignInAsync(tampered, DemoAccounts.MizonokuchiOfficer);
        await officer.PostTaskAsync(Requests.CleanupTask(tampered.Clock.GetUtcNow()));
        await sealer.SealAsync(CancellationToken.None);

        var holds = new StringWriter();
        Assert.Equal(AuditCommandLine.Holds, await AuditCommandLine.RunAsync(tampered.Services, ["audit", "verify"], holds, CancellationToken.None));
        Assert.Contains("holds", holds.ToString());

        long victimSequence;
        await using (var scope = tampered.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
            var count = await db.AuditSeals.CountAsync();
            var victim = await db.AuditSeals.AsNoTracking().SingleAsync(s => s.Sequence == count / 2);
            victimSequence = victim.Sequence;

            // As someone holding the database could: drop the guard, then edit one entry in place.
            var drop = tampered.Provider == DatabaseProvider.Postgres
                ? AuditTriggers.PostgresDrop("AuditEntries")
                : AuditTriggers.SqliteDrop("AuditEntries");
            await db.Database.ExecuteSqlRawAsync(drop);
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(
                "UPDATE \"AuditEntries\" SET \"Summary\" = {0} WHERE \"Id\" = {1}", "{\"edited\":true}", victim.EntryId));
        }

        var broken = new StringWriter();
        Assert.Equal(AuditCommandLine.Broken, await AuditCommandLine.RunAsync(tampered.Services, ["audit", "verify"], broken, CancellationToken.None));
        Assert.Contains($"broken at sequence {victimSequence}:", broken.ToString());

        var city = await ApiClient.SignInAsync(tampered, DemoAccounts.CityStaff);
        var verification = await city.GetAsync<AuditVerificationDto>("/api/city/audit/verify");
        Assert.False(verification.Holds);
        Assert.Equal(victimSequence, verification.Sequence);
    }

    [Fact]
    public async Task TwoSealersAtOnceMakeOneUnbrokenChainWithEveryEntrySealedOnce()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        var sealer = factory.Services.GetRequiredService<AuditSealer>();

        await Task.WhenAll(sealer.SealAsync(CancellationToken.None), sealer.SealAsync(CancellationToken.None));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        Assert.Equal(await db.AuditEntries.CountAsync(), await db.AuditSeals.CountAsync());
        Assert.True((await AuditVerifier.VerifyAsync(db, CancellationToken.None)).Holds);
    }

    [Fact]
    public async Task TheCommandLineRefusesAnUnknownAuditCommand()
    {
        var output = new StringWriter();

        Assert.Equal(AuditCommandLine.UsageError, await AuditCommandLine.RunAsync(factory.Services, ["audit", "rewrite"], output, CancellationToken.None));
        Assert.Contains("audit verify", output.ToString());
    }

    [Fact]
    public async Task CityStaffFilterTheLogByActionOrganizationAndPeriod()
    {
        var officer = await ApiClient.SignInAsync(factory, DemoAccounts.MizonokuchiOfficer);
        await officer.PostTaskAsync(Requests.CleanupTask(factory.Clock.GetUtcNow()));
        await SealAsync();
        var city = await ApiClient.SignInAsync(factory, DemoAccounts.CityStaff);
        var today = Domain.JapanTime.DateOf(factory.Clock.GetUtcNow()).ToString("yyyy-MM-dd");

        var page = await city.GetAsync<Features.Tasks.PagedResult<AuditEntryDto>>(
            $"/api/city/audit?action=task.published&organizationId={officer.OrganizationId}&from={today}&to={today}&pageSize=5");

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, e => Assert.Equal("task.published", e.Action));
        Assert.All(page.Items, e => Assert.Equal(officer.OrganizationId, e.OrganizationId));
        Assert.Equal(HttpStatusCode.BadRequest, (await city.Http.GetAsync("/api/city/audit?action=nothing.done")).StatusCode);
    }

    [Fact]
    public async Task CityStaffReadTheLogAndVerifyItOnTheirPage()
    {
        await SealAsync();
        var city = await PageClient.CreateAsync(factory, DemoAccounts.CityStaff);
        var officer = await PageClient.CreateAsync(factory, DemoAccounts.KizukiOfficer);

        var html = await (await city.Http.GetAsync("/City/Audit?action=organization.registered&verify=true")).Content.ReadAsStringAsync();

        Assert.Contains("id=\"audit-entries\"", html);
        Assert.Contains("organization.registered", html);
        Assert.Contains("id=\"audit-head-hash\"", html);
        Assert.Contains("監査ログの鎖は正しくつながっています", html);
        Assert.NotEqual(HttpStatusCode.OK, (await officer.Http.GetAsync("/City/Audit")).StatusCode);
        Assert.Contains("id=\"error-summary\"", await (await city.Http.GetAsync("/City/Audit?action=nothing.done")).Content.ReadAsStringAsync());
    }

    private Task SealAsync() => factory.Services.GetRequiredService<AuditSealer>().SealAsync(CancellationToken.None);

    private async Task<List<AuditEntry>> EntriesAboutTaskAsync(int taskId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();
        var id = taskId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var all = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        return all.Where(e => (e.EntityType == "task" && e.EntityId == id) || e.Summary.Contains($"\"task\":{id},") || e.Summary.Contains($"\"task\":{id}}}")).ToList();
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<T>(response.Content, ApiClient.Json))!;
    }
}
