using System.Linq.Expressions;
using Matchboard.Domain.Contracts;

namespace Matchboard.Domain.Visits;

/// <summary>The rules of the contract's work that more than one entity, sweep or page needs, each defined once.</summary>
public static class VisitRules
{
    /// <summary>How long an urgent alert may wait for an officer before it goes to the city (Matchboard:Watch:AcknowledgeWithin).</summary>
    public static readonly TimeSpan DefaultAcknowledgeWithin = TimeSpan.FromMinutes(30);

    /// <summary>A planned visit is missed once its day (Japan time) is over without a report.</summary>
    public static Expression<Func<PlannedVisit, bool>> MissedBy(DateTimeOffset now)
    {
        var today = JapanTime.DateOf(now);
        return v => v.Status == PlannedVisitStatus.Planned && v.ReportCount == 0 && v.MissedAt == null && v.Date < today;
    }

    public static bool IsMissed(PlannedVisit visit, DateTimeOffset now) => MissedBy(now).Compile()(visit);

    /// <summary>
    /// How many years residents' personal data (household labels, visitors' names, report and acknowledgement
    /// notes) is kept after the contract ends. The privacy page states this number, so it is defined once here.
    /// </summary>
    public const int PersonalDataKeptForYears = 1;

    /// <summary>Contracts that ended at or before this instant have their personal data erased.</summary>
    public static DateTimeOffset ErasureCutoff(DateTimeOffset now) => now.AddYears(-PersonalDataKeptForYears);

    /// <summary>
    /// Contracts whose residents' data is due for erasure: a year after the work ended (completed or terminated),
    /// or after the award was withdrawn before signing (households may already have been registered).
    /// One expression for the sweep's query and the in-memory check.
    /// </summary>
    public static Expression<Func<Contract, bool>> ErasureDueBy(DateTimeOffset now)
    {
        var cutoff = ErasureCutoff(now);
        return c => (c.EndedAt != null && c.EndedAt <= cutoff) || (c.AwardWithdrawnAt != null && c.AwardWithdrawnAt <= cutoff);
    }

    public static bool IsErasureDue(Contract contract, DateTimeOffset now) => ErasureDueBy(now).Compile()(contract);

    /// <summary>
    /// The alerts a new report raises: Urgent at once (and escalating), Concern needing acknowledgement, and a
    /// concern when the household was not home twice in a row. <paramref name="earlier"/> are the household's
    /// earlier reports (any order); corrected reports count as their correction.
    /// </summary>
    public static IReadOnlyList<VisitAlert> AlertsFor(VisitReport report, IEnumerable<VisitReport> earlier)
    {
        var alerts = new List<VisitAlert>();
        var reason = report.Status switch
        {
            ResidentStatus.Urgent => AlertReason.Urgent,
            ResidentStatus.Concern => AlertReason.Concern,
            ResidentStatus.NotHome when report.HouseholdId is not null && NotHomeStreak(report, earlier) == 2 => AlertReason.NotHomeTwice,
            _ => (AlertReason?)null,
        };
        if (reason is not null)
        {
            alerts.Add(VisitAlert.Raise(report.ContractId, report.HouseholdId, report.PlannedVisitId, report, reason.Value, report.FiledAt));
        }

        return alerts;
    }

    /// <summary>
    /// How many NotHome reports end the household's record, this one included. The alert is raised when the
    /// streak reaches two, once: a third try does not repeat it while the first is open on the officer's screen.
    /// </summary>
    public static int NotHomeStreak(VisitReport report, IEnumerable<VisitReport> earlier)
    {
        var all = earlier.Where(r => r.HouseholdId == report.HouseholdId && r.Id != report.Id).ToList();
        var corrected = all.Select(r => r.CorrectsReportId).OfType<int>().Append(report.CorrectsReportId ?? 0).ToHashSet();
        var effective = all.Where(r => !corrected.Contains(r.Id))
            .OrderByDescending(r => r.VisitedAt).ThenByDescending(r => r.FiledAt);
        if (report.Status != ResidentStatus.NotHome)
        {
            return 0;
        }

        var streak = 1;
        foreach (var previous in effective)
        {
            if (previous.VisitedAt > report.VisitedAt)
            {
                // A later visit already said how things are; this late entry does not start a streak.
                continue;
            }

            if (previous.Status != ResidentStatus.NotHome)
            {
                break;
            }

            streak++;
        }

        return streak;
    }

    internal static void EnsureAssociation(Contract contract, int organizationId)
    {
        if (organizationId != contract.AssociationId)
        {
            throw new DomainException("household.association-only", DomainErrorKind.RuleViolation);
        }
    }

    internal static void EnsureWorkOpen(Contract contract)
    {
        if (!contract.IsWorkOpen)
        {
            throw new DomainException("contract.work-not-open");
        }
    }

    /// <summary>Households are registered from signing until the work is over.</summary>
    internal static void EnsureHouseholdsAccepted(Contract contract)
    {
        var task = contract.Task ?? throw new InvalidOperationException("Load the contract with its task.");
        if (!task.HasHouseholds)
        {
            throw new DomainException("household.not-watch-over", DomainErrorKind.RuleViolation);
        }

        if (!(contract.IsWorkOpen || contract.Status == ContractStatus.PendingSignatures))
        {
            throw new DomainException("contract.work-not-open");
        }
    }
}
