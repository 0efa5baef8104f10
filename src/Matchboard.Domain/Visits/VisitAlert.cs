using System.Linq.Expressions;

namespace Matchboard.Domain.Visits;

/// <summary>Why an alert was raised. Urgent escalates to the city when nobody answers; the rest are concerns.</summary>
public enum AlertReason
{
    /// <summary>A report said 緊急.</summary>
    Urgent,

    /// <summary>A report said 気になること.</summary>
    Concern,

    /// <summary>Not home twice in a row for the same household: absence is a signal, not silence.</summary>
    NotHomeTwice,

    /// <summary>A planned visit had no report by the end of its day (Japan time).</summary>
    VisitMissed,
}

public enum AlertSeverity
{
    Concern,
    Urgent,
}

/// <summary>
/// 連絡（要確認）: stays open until an officer acknowledges it with a note of what was done. An urgent alert left
/// unanswered past the configured time escalates, once, to the city. Every step is timestamped and kept.
/// </summary>
public class VisitAlert
{
    public const int NoteMaxLength = 1000;

    private VisitAlert()
    {
    }

    public int Id { get; private set; }

    public int ContractId { get; private set; }

    public int? HouseholdId { get; private set; }

    public int? PlannedVisitId { get; private set; }

    public int? ReportId { get; private set; }

    /// <summary>The report that raised it, set when both are new so that the database fills in the id.</summary>
    public VisitReport? Report { get; private set; }

    public AlertReason Reason { get; private set; }

    public AlertSeverity Severity { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public DateTimeOffset? EscalatedAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public string? AcknowledgedByUserId { get; private set; }

    public int? AcknowledgedByOrganizationId { get; private set; }

    /// <summary>What was done; may name a resident, so it is erased with the contract's other personal data.</summary>
    public string? AcknowledgementNote { get; private set; }

    public bool IsOpen => AcknowledgedAt is null;

    public bool IsEscalated => EscalatedAt is not null;

    /// <summary>The one definition of "due for escalation", usable by the database and in memory.</summary>
    public static Expression<Func<VisitAlert, bool>> EscalationDue(DateTimeOffset now, TimeSpan acknowledgeWithin)
    {
        var raisedBy = now - acknowledgeWithin;
        return a => a.Severity == AlertSeverity.Urgent && a.AcknowledgedAt == null && a.EscalatedAt == null && a.RaisedAt <= raisedBy;
    }

    public static AlertSeverity SeverityOf(AlertReason reason) =>
        reason == AlertReason.Urgent ? AlertSeverity.Urgent : AlertSeverity.Concern;

    internal static VisitAlert Raise(int contractId, int? householdId, int? plannedVisitId, VisitReport? report, AlertReason reason, DateTimeOffset now) => new()
    {
        ContractId = contractId,
        HouseholdId = householdId,
        PlannedVisitId = plannedVisitId,
        Report = report,
        Reason = reason,
        Severity = SeverityOf(reason),
        RaisedAt = now,
    };

    public bool IsEscalationDue(DateTimeOffset now, TimeSpan acknowledgeWithin) =>
        EscalationDue(now, acknowledgeWithin).Compile()(this);

    /// <summary>Escalates to the city. Never twice, never before the time, never once acknowledged.</summary>
    public void Escalate(DateTimeOffset now, TimeSpan acknowledgeWithin)
    {
        if (IsEscalated)
        {
            throw new DomainException("alert.already-escalated");
        }

        if (!IsEscalationDue(now, acknowledgeWithin))
        {
            throw new DomainException("alert.not-due");
        }

        EscalatedAt = now;
    }

    /// <summary>確認しました: once, with a note of what was done.</summary>
    public void Acknowledge(Contracts.Contract contract, int organizationId, bool isCityOffice, string? userId, string? note, DateTimeOffset now)
    {
        if (contract.Id != ContractId)
        {
            throw new ArgumentException("Not this alert's contract.", nameof(contract));
        }

        // The association answers its alerts; city staff may answer one that was escalated to them.
        if (organizationId != contract.AssociationId && !(isCityOffice && IsEscalated))
        {
            throw new DomainException("alert.association-only", DomainErrorKind.RuleViolation);
        }

        if (!IsOpen)
        {
            throw new DomainException("alert.already-acknowledged");
        }

        DomainException.ThrowIfAny(new Validation().Text("note", note, NoteMaxLength).Errors);
        AcknowledgedAt = now;
        AcknowledgedByOrganizationId = organizationId;
        AcknowledgedByUserId = userId;
        AcknowledgementNote = note!.Trim();
    }

    public void EraseNote()
    {
        AcknowledgementNote = null;
    }
}
