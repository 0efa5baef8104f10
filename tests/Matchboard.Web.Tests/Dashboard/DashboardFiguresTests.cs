using Matchboard.Domain;
using Matchboard.Domain.Bids;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Organizations;
using Matchboard.Domain.Tasks;
using Matchboard.Domain.Visits;
using Matchboard.Web.Data;
using Matchboard.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchboard.Web.Tests.Dashboard;

/// <summary>
/// The dashboard's one query layer against a scenario built through the domain on an empty database, the clock set
/// by hand. Every expected figure is a literal counted from the scenario described in <see cref="BuildScenarioAsync"/>.
/// </summary>
public sealed class DashboardFiguresTests(EmptyMatchboardFactory factory) : IClassFixture<EmptyMatchboardFactory>
{
    /// <summary>Posting day of the first four tasks: Monday 1 April 2030, 10:00 in Japan.</summary>
    private static readonly DateTimeOffset Posted = new(2030, 4, 1, 10, 0, 0, JapanTime.Offset);

    /// <summary>When the figures are read: Friday 10 May 2030, 10:00 in Japan.</summary>
    private static readonly DateTimeOffset ReadAt = new(2030, 5, 10, 10, 0, 0, JapanTime.Offset);

    [Fact]
    public async Task TheFiguresMatchTheScenarioCountedByHand()
    {
        await BuildScenarioAsync();
        factory.Clock.SetUtcNow(ReadAt);
        var f = await ComputeAsync();

        // Five published tasks (the draft is not counted): T1 and T2 awarded, T3 unawarded, T4 cancelled, T5 open.
        Assert.Equal(new TaskCountRow("", 5, 1, 2, 1, 1), f.Totals);
        Assert.Equal(
            [new TaskCountRow("nakahara", 3, 0, 2, 1, 0), new TaskCountRow("takatsu", 2, 1, 0, 0, 1)],
            f.ByWard);
        Assert.Equal(
            [
                new TaskCountRow("watch-over", 2, 1, 1, 0, 0),
                new TaskCountRow("crime-patrol", 1, 0, 0, 1, 0),
                new TaskCountRow("cleanup", 2, 0, 1, 0, 1),
            ],
            f.ByCategory);

        // T1: 9 days = 216 h; T2: 7 days and 1 hour = 169 h; the median of two is their mean.
        Assert.Equal(192.5, f.MedianHoursToAward);

        // Opened bids only: T1 two, T2 two (one withdrawn, still counted), T3 none. T4 was cancelled before its
        // deadline and T5 is still open: their bids stay sealed and uncounted.
        Assert.Equal(new BidsPerTask(3, 4, 1.33), f.Bids);

        // T1 went to the certified group (valid on 10 April 2030), T2 to the uncertified one.
        Assert.Equal(new CertifiedShare(2, 1, 0.5), f.Certified);

        // T2's Monday shifts: 6, 13, 20 and 27 May; the first is due and was missed (no report).
        Assert.Equal([new VisitRow("nakahara", 4, 1, 0, 1)], f.VisitsByWard);

        // The missed visit's alert, acknowledged 45 minutes after it was raised.
        Assert.Equal([new AlertRow("nakahara", 1, 1, 0, 45)], f.AlertsByWard);

        Assert.Equal(12, f.Trend.Count);
        Assert.Equal("2029-06", f.Trend[0].Month);
        Assert.Equal(new MonthRow("2030-04", 4, 2, 1, 1, 0, 0), f.Trend[10]);
        Assert.Equal(new MonthRow("2030-05", 1, 0, 0, 0, 0, 1), f.Trend[11]);
        Assert.All(f.Trend.Take(10), m => Assert.Equal(new MonthRow(m.Month, 0, 0, 0, 0, 0, 0), m));

        // Crime patrol in 中原区 is served only by an unverified group; nobody does watch-over in 高津区.
        Assert.Equal(
            [new CoverageGap("nakahara", "crime-patrol", 0, 1), new CoverageGap("takatsu", "watch-over", 1, 0)],
            f.CoverageGaps);

        Assert.Equal(0, f.OpenComplaints);
    }

    private async Task<DashboardFigures> ComputeAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DashboardService>().ComputeAsync(CancellationToken.None);
    }

    /// <summary>
    /// One association in 中原区 and three civic groups: G1 verified and certified (watch-over, 中原区), G2 verified
    /// (cleanup, 中原区・高津区), G3 unverified (crime patrol, 中原区). Tasks, all posted by the association:
    /// T1 watch-over 中原区, bids from G1 and G2, awarded to G1 nine days after posting;
    /// T2 cleanup 中原区, bids from G1 (withdrawn) and G2, awarded to G2 at the deadline plus an hour, then signed;
    /// T3 crime patrol 中原区, no bid, closed unawarded at the deadline;
    /// T4 cleanup 高津区, cancelled the day after posting (before its deadline), with a bid from G2;
    /// T5 watch-over 高津区, posted 2 May, still open, with a bid from G1;
    /// T6 a draft never published.
    /// </summary>
    private async Task BuildScenarioAsync()
    {
        factory.Clock.SetUtcNow(Posted);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchboardDbContext>();

        var association = Organization.CreateAssociation("テスト一丁目町内会", Wards.Nakahara, "木月");
        var g1 = Group("NPO法人 テスト見守り", [Categories.WatchOver], [Wards.Nakahara]);
        g1.Verify();
        g1.Certify(new Certification("KC-TEST-1", new DateOnly(2030, 1, 1), new DateOnly(2031, 3, 31)));
        var g2 = Group("一般社団法人 テスト清掃", [Categories.Cleanup], [Wards.Nakahara, Wards.Takatsu]);
        g2.Verify();
        var g3 = Group("テスト防犯の会", [Categories.CrimePatrol], [Wards.Nakahara]);
        db.Organizations.AddRange(association, g1, g2, g3);
        await db.SaveChangesAsync();

        var deadline = Posted.AddDays(7);
        var may = (Start: new DateOnly(2030, 5, 6), End: new DateOnly(2030, 5, 27));
        var t1 = NewTask(association, Categories.WatchOver, Wards.Nakahara, deadline, may);
        var t2 = NewTask(association, Categories.Cleanup, Wards.Nakahara, deadline, may);
        var t3 = NewTask(association, Categories.CrimePatrol, Wards.Nakahara, deadline, may);
        var t4 = NewTask(association, Categories.Cleanup, Wards.Takatsu, deadline, may);
        var t6 = NewTask(association, Categories.Other, Wards.Takatsu, deadline, may, publish: false);
        db.Tasks.AddRange(t1, t2, t3, t4, t6);
        await db.SaveChangesAsync();

        var bidAt = Posted.AddHours(1);
        var t1Winner = t1.PlaceBid(g1, Terms(may.Start), bidAt);
        t1.PlaceBid(g2, Terms(may.Start), bidAt);
        t2.PlaceBid(g1, Terms(may.Start), bidAt);
        var t2Winner = t2.PlaceBid(g2, Terms(may.Start), bidAt);
        t4.PlaceBid(g2, Terms(may.Start), bidAt);
        await db.SaveChangesAsync();

        t2.WithdrawBid(g1.Id, Posted.AddDays(1));
        t4.Cancel(Posted.AddDays(1));
        await db.SaveChangesAsync();

        t3.Close(deadline.AddMinutes(1));
        var contract = t2.Award(t2Winner.Id, "清掃の経験が長く、道具もそろっているため決めました。", deadline.AddHours(1));
        db.Contracts.Add(contract);
        db.Contracts.Add(t1.Award(t1Winner.Id, "見守りの経験と市の認証があるため、この団体に決めました。", Posted.AddDays(9)));
        await db.SaveChangesAsync();

        // T2's work: terms, contacts and both signatures make it active; its shifts are planned on activation.
        var signedAt = Posted.AddDays(10);
        contract.SetTerms(association.Id, new ContractTerms(PaymentTiming.OnCompletion, "完了後に振り込みます。", "団体が保険に加入します。"));
        contract.SetContact(association.Id, new ContactPerson("町内会 担当", "044-000-0000", "a@example.jp"));
        contract.SetContact(g2.Id, new ContactPerson("団体 担当", "044-000-0001", "g@example.jp"));
        contract.Sign(association.Id, signedAt);
        contract.Sign(g2.Id, signedAt);
        db.PlannedVisits.AddRange(VisitSchedule.OnActivation(contract, [], signedAt));
        await db.SaveChangesAsync();

        // T5 is posted in May and stays open; G1's bid on it is sealed.
        var mayPosted = new DateTimeOffset(2030, 5, 2, 10, 0, 0, JapanTime.Offset);
        var t5 = NewTask(association, Categories.WatchOver, Wards.Takatsu, mayPosted.AddDays(18), (new DateOnly(2030, 6, 3), new DateOnly(2030, 6, 24)), postedAt: mayPosted);
        db.Tasks.Add(t5);
        await db.SaveChangesAsync();
        t5.PlaceBid(g1, Terms(new DateOnly(2030, 6, 3)), mayPosted.AddHours(1));
        await db.SaveChangesAsync();

        // The 6 May shift had no report: missed just after midnight, acknowledged 45 minutes later.
        var missedAt = new DateTimeOffset(2030, 5, 7, 0, 5, 0, JapanTime.Offset);
        var first = await db.PlannedVisits.Where(v => v.ContractId == contract.Id).OrderBy(v => v.Date).FirstAsync();
        Assert.Equal(new DateOnly(2030, 5, 6), first.Date);
        var alert = first.MarkMissed(missedAt) ?? throw new InvalidOperationException("The shift should be missed.");
        db.VisitAlerts.Add(alert);
        await db.SaveChangesAsync();
        alert.Acknowledge(contract, association.Id, isCityOffice: false, userId: null, "団体に電話して、次回の予定を確かめました。", missedAt.AddMinutes(45));
        await db.SaveChangesAsync();
    }

    private static Organization Group(string name, string[] categories, string[] wards) =>
        Organization.CreateCivicGroup(name, wards[0], "テスト町", LegalForm.NpoCorporation, ActivityStyle.Volunteer, categories, wards, capacity: 5);

    private static BidTerms Terms(DateOnly start) => new(30_000, "毎週月曜に2人で行います。", 2, start);

    private CommunityTask NewTask(
        Organization association, string category, string ward, DateTimeOffset deadline, (DateOnly Start, DateOnly End) period,
        bool publish = true, DateTimeOffset? postedAt = null)
    {
        var at = postedAt ?? Posted;
        var mondays = WeekdaySet.Of(DayOfWeek.Monday);
        var details = new TaskDetails(
            $"テストの依頼（{category}・{ward}）", "テストのための依頼です。", category, ward, "木月", period.Start, period.End,
            mondays.CountBetween(period.Start, period.End), IsVolunteer: false, FeeYen: 40_000, deadline,
            CertificationRequired: false, InsuranceRequired: false, HouseholdsServed: category == Categories.WatchOver ? 3 : 0, mondays);
        var task = CommunityTask.Draft(association.Id, details, at);
        if (publish)
        {
            task.Publish(at);
        }

        return task;
    }
}
