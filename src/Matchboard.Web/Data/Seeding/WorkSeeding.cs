using Matchboard.Domain;
using Matchboard.Domain.Contracts;
using Matchboard.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Matchboard.Web.Data.Seeding;

/// <summary>
/// The demo's work under way: every active contract gets its schedule from today on, as signing does, and a
/// contract whose seed lists households gets them with their consent and visitors, and one report filed this
/// morning, with whatever alert it raises. All of it goes through the domain, like live data.
/// </summary>
internal static class WorkSeeding
{
    public static async Task SeedAsync(
        MatchboardDbContext db, IReadOnlyList<(SeedTask Seed, Contract Contract)> contracts, DateTimeOffset now, CancellationToken ct)
    {
        var today = JapanTime.DateOf(now);
        var active = contracts.Where(c => c.Contract.Status == ContractStatus.Active).ToList();
        var households = new Dictionary<(int ContractId, string Label), Household>();
        foreach (var (seed, contract) in active)
        {
            foreach (var householdSeed in seed.Work?.Households ?? [])
            {
                var household = Household.Register(contract, contract.AssociationId, householdSeed.Label, now);
                db.Households.Add(household);
                households.Add((contract.Id, householdSeed.Label), household);
            }
        }

        await db.SaveChangesAsync(ct);

        foreach (var (seed, contract) in active)
        {
            foreach (var householdSeed in seed.Work?.Households ?? [])
            {
                var household = households[(contract.Id, householdSeed.Label)];
                if (householdSeed.Consent is { } method)
                {
                    household.RecordConsent(contract, contract.AssociationId, JapanTime.DateOf(contract.ActivatedAt!.Value), method, now);
                }

                if (householdSeed.Visitor is { } visitor)
                {
                    household.AssignVisitor(contract, contract.ProviderId, visitor);
                }
            }

            var own = households.Where(h => h.Key.ContractId == contract.Id).Select(h => h.Value);
            db.PlannedVisits.AddRange(VisitSchedule.OnActivation(contract, own, now));
        }

        await db.SaveChangesAsync(ct);

        foreach (var (seed, contract) in active)
        {
            if (seed.Work?.Report is not { } reportSeed)
            {
                continue;
            }

            var household = households[(contract.Id, reportSeed.Household)];
            var visit = await db.PlannedVisits.SingleAsync(v => v.HouseholdId == household.Id && v.Date == today, ct);
            // Visited a little earlier today, however early in the day the database is created.
            var startOfToday = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), JapanTime.Offset);
            var visitedAt = now.AddMinutes(-20) > startOfToday ? now.AddMinutes(-20) : startOfToday;
            var draft = new VisitReportDraft(visitedAt, household.VisitorName, reportSeed.Status, reportSeed.Checklist, reportSeed.Note);
            var report = VisitReport.File(contract, contract.ProviderId, visit, household, null, draft, null, now);
            db.VisitReports.Add(report);
            db.VisitAlerts.AddRange(VisitRules.AlertsFor(report, []));
        }

        await db.SaveChangesAsync(ct);
    }
}
