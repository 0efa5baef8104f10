using Matchboard.Domain.Contracts;

namespace Matchboard.Domain.Visits;

public enum PlannedVisitStatus
{
    Planned,
    Cancelled,
}

/// <summary>
/// 訪問予定: one household on one visit day, or for work without households that day's shift.
/// Reports attach to it; with none by the end of its day (Japan time) it is missed, and that raises a concern.
/// </summary>
public class PlannedVisit
{
    private PlannedVisit()
    {
    }

    public int Id { get; private set; }

    public int ContractId { get; private set; }

    /// <summary>Null for a shift (patrols, clean-ups).</summary>
    public int? HouseholdId { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>The day the schedule first gave it, kept when it is moved.</summary>
    public DateOnly OriginalDate { get; private set; }

    /// <summary>A new day the provider asked for; the association accepts it (or moves the visit elsewhere).</summary>
    public DateOnly? ProposedDate { get; private set; }

    public PlannedVisitStatus Status { get; private set; }

    public int ReportCount { get; private set; }

    public DateTimeOffset? FirstReportedAt { get; private set; }

    /// <summary>When the missed-visit check found it without a report; set once.</summary>
    public DateTimeOffset? MissedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public bool IsReported => ReportCount > 0;

    /// <summary>Still ahead or today, not yet reported: the association may move it and the provider propose a day.</summary>
    public bool IsOpen => Status == PlannedVisitStatus.Planned && !IsReported;

    internal static PlannedVisit For(int contractId, int? householdId, DateOnly date) => new()
    {
        ContractId = contractId,
        HouseholdId = householdId,
        Date = date,
        OriginalDate = date,
        Status = PlannedVisitStatus.Planned,
    };

    /// <summary>The association moves the visit to another day of the contract's period, today or later.</summary>
    public void Move(Contract contract, int organizationId, DateOnly? newDate, DateTimeOffset now)
    {
        VisitRules.EnsureAssociation(contract, organizationId);
        EnsureMovable(contract, newDate, now, "date");
        Date = newDate!.Value;
        ProposedDate = null;
    }

    /// <summary>The provider asks for another day; nothing moves until the association accepts.</summary>
    public void ProposeDate(Contract contract, int organizationId, DateOnly? newDate, DateTimeOffset now)
    {
        if (organizationId != contract.ProviderId)
        {
            throw new DomainException("visit.provider-only", DomainErrorKind.RuleViolation);
        }

        EnsureMovable(contract, newDate, now, "date");
        ProposedDate = newDate;
    }

    public void AcceptProposal(Contract contract, int organizationId, DateTimeOffset now)
    {
        VisitRules.EnsureAssociation(contract, organizationId);
        if (ProposedDate is null)
        {
            throw new DomainException("visit.no-proposal");
        }

        EnsureMovable(contract, ProposedDate, now, "proposedDate");
        Date = ProposedDate.Value;
        ProposedDate = null;
    }

    /// <summary>The day ended without a report. Returns the concern alert (VisitMissed), or null if not missed.</summary>
    public VisitAlert? MarkMissed(DateTimeOffset now)
    {
        if (!VisitRules.IsMissed(this, now))
        {
            return null;
        }

        MissedAt = now;
        return VisitAlert.Raise(ContractId, HouseholdId, Id, null, AlertReason.VisitMissed, now);
    }

    /// <summary>The contract ended early: visits not yet made are cancelled (today's and later).</summary>
    public bool CancelIfOpen(DateTimeOffset now)
    {
        if (!IsOpen || Date < JapanTime.DateOf(now))
        {
            return false;
        }

        Status = PlannedVisitStatus.Cancelled;
        CancelledAt = now;
        return true;
    }

    internal void RecordReport(DateTimeOffset filedAt)
    {
        ReportCount++;
        FirstReportedAt ??= filedAt;
        ProposedDate = null;
    }

    private void EnsureMovable(Contract contract, DateOnly? newDate, DateTimeOffset now, string field)
    {
        VisitRules.EnsureWorkOpen(contract);
        if (!IsOpen)
        {
            throw new DomainException("visit.not-open");
        }

        var task = contract.Task ?? throw new InvalidOperationException("Load the contract with its task.");
        DomainException.ThrowIfAny(new Validation()
            .Check(newDate is not null, field, "required")
            .Date(field, newDate)
            .Check(newDate is null || newDate >= JapanTime.DateOf(now), field, "in-the-past")
            .Check(newDate is null || (newDate >= task.StartDate && newDate <= task.EndDate), field, "outside-contract-period")
            .Errors);
    }
}
